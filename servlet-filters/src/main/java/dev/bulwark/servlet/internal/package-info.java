/**
 * Servlet glue shared by Bulwark's filters. Not API: other modules and applications must not
 * use it (an architecture test enforces this for Bulwark's own modules).
 */
@NullMarked
package dev.bulwark.servlet.internal;

import org.jspecify.annotations.NullMarked;
