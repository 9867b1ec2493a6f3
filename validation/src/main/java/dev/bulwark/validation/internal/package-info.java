/**
 * The {@code ConstraintValidator} implementations behind the constraints in
 * {@code dev.bulwark.validation}. Public only because Bean Validation providers instantiate
 * them; not an API.
 */
@NullMarked
package dev.bulwark.validation.internal;

import org.jspecify.annotations.NullMarked;
