package dev.bulwark.crypto.password;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link PasswordHasher#verify(char[], String)}: whether the password matched,
 * whether the stored hash should be replaced, and why there was no match.
 *
 * <p>A verification is a value, not an exception: a wrong password, a malformed or unsupported
 * stored hash and an over-long candidate are all "no match", told apart by {@link #reason()},
 * which is safe to log (it names a category, never the password or the hash).
 *
 * <p>Immutable and thread-safe.
 */
public final class PasswordVerification {

  /** Why a verification came out as it did. Safe to log. */
  public enum Reason {
    /** The password matched the stored hash. */
    MATCH,
    /** The password did not match the stored hash. */
    MISMATCH,
    /** {@link PasswordHasher#verifyUnknownUser(char[])}: there was no stored hash to match. */
    UNKNOWN_USER,
    /** The stored hash is not in any format this hasher reads (or is damaged). */
    MALFORMED_HASH,
    /**
     * The stored hash names an algorithm or variant that is refused on purpose: {@code $2x$}
     * and {@code $2$} (crypt_blowfish's buggy and the original bcrypt), {@code $argon2i$},
     * {@code $argon2d$}, Argon2 version 16.
     */
    UNSUPPORTED_ALGORITHM,
    /**
     * The stored hash asks for more work than this hasher allows (a bcrypt cost above
     * {@code maxVerifyCost}, Argon2 memory above {@code maxVerifyMemoryKiB}), so that a
     * tampered row cannot pin a core for minutes.
     */
    UNSUPPORTED_PARAMETERS,
    /** The stored hash was peppered with a key id this hasher does not know. */
    UNKNOWN_PEPPER,
    /**
     * The candidate is longer than bcrypt's 72 UTF-8 bytes and the stored hash is plain bcrypt,
     * which would compare only a prefix; refused rather than truncated.
     */
    CANDIDATE_TOO_LONG,
    /**
     * The candidate is not text that can be hashed: it holds an unpaired surrogate, or a NUL
     * character and the stored hash is plain bcrypt (C implementations stop at a NUL).
     */
    CANDIDATE_INVALID
  }

  private final boolean matches;
  private final boolean needsRehash;
  private final Reason reason;

  private PasswordVerification(boolean matches, boolean needsRehash, Reason reason) {
    this.matches = matches;
    this.needsRehash = needsRehash;
    this.reason = reason;
  }

  static PasswordVerification match(boolean needsRehash) {
    return new PasswordVerification(true, needsRehash, Reason.MATCH);
  }

  static PasswordVerification noMatch(Reason reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason == Reason.MATCH) {
      throw new IllegalArgumentException("a no-match needs a reason other than MATCH");
    }
    return new PasswordVerification(false, false, reason);
  }

  /**
   * Tells whether the password matched.
   *
   * @return {@code true} only if the password matched the stored hash
   */
  public boolean matches() {
    return matches;
  }

  /**
   * Tells whether the stored hash should be replaced by {@link PasswordHasher#hash(char[])} of
   * the password just verified: its algorithm, cost or Argon2 parameters, pepper key id or
   * format differ from the hasher's configuration. Only ever {@code true} on a match.
   *
   * @return {@code true} if the application should store a new hash now
   */
  public boolean needsRehash() {
    return needsRehash;
  }

  /**
   * Says why the verification came out as it did; {@link Reason#MATCH} on a match.
   *
   * @return the reason, safe to log
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns a description holding the outcome only, never the password or the hash.
   *
   * @return for example {@code PasswordVerification[MISMATCH]}
   */
  @Override
  public String toString() {
    return "PasswordVerification[" + reason + (needsRehash ? ", needsRehash" : "") + "]";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PasswordVerification
        && ((PasswordVerification) other).matches == matches
        && ((PasswordVerification) other).needsRehash == needsRehash
        && ((PasswordVerification) other).reason == reason;
  }

  @Override
  public int hashCode() {
    return Objects.hash(matches, needsRehash, reason);
  }
}
