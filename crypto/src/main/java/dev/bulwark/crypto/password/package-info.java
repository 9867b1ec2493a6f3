/**
 * Password hashing: bcrypt (the default) and Argon2id, with verification of every supported
 * format by one hasher, so an application migrates by changing configuration.
 *
 * <p>Start with {@link dev.bulwark.crypto.password.PasswordHasher#bcrypt()} or
 * {@link dev.bulwark.crypto.password.PasswordHasher#argon2id()}:
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.bcrypt().cost(12).build();
 * String stored = hasher.hash(password);                     // "$2b$12$..."
 * PasswordVerification v = hasher.verify(candidate, stored); // never throws on bad input
 * if (v.matches() && v.needsRehash()) {
 *   save(hasher.hash(candidate));                            // migrate on login
 * }
 * }</pre>
 *
 * <p>Guarantees: no silent truncation at bcrypt's 72-byte limit; verification never throws
 * because of what a user typed or a database holds (a {@link
 * dev.bulwark.crypto.password.PasswordVerification.Reason} says why there was no match); hash
 * comparisons are constant-time; no password, hash or pepper material appears in a
 * {@code toString} or an exception message. The guide is {@code docs/passwords.md}.
 */
@NullMarked
package dev.bulwark.crypto.password;

import org.jspecify.annotations.NullMarked;
