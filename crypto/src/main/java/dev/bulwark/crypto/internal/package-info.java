/**
 * Implementation details shared by the packages of {@code bulwark-crypto}: the owner-only atomic
 * file writer ({@link dev.bulwark.crypto.internal.AtomicFile}), the Argon2id function
 * ({@link dev.bulwark.crypto.internal.Argon2id}) and the password text rules
 * ({@link dev.bulwark.crypto.internal.PasswordText}). Not an API: other modules must not use it (an
 * ArchUnit rule enforces this), and it may change in any release.
 */
@NullMarked
package dev.bulwark.crypto.internal;

import org.jspecify.annotations.NullMarked;
