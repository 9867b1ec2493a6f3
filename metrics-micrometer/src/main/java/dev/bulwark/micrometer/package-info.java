/**
 * Micrometer binding for Bulwark's listeners: start with
 * {@link dev.bulwark.micrometer.MicrometerRateLimitListener#create}.
 *
 * <p>Micrometer is a {@code provided} dependency: the application's own Micrometer (and
 * registry) is used; core and the Servlet filters never depend on it.
 */
@NullMarked
package dev.bulwark.micrometer;

import org.jspecify.annotations.NullMarked;
