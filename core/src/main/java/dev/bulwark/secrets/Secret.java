package dev.bulwark.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import javax.security.auth.Destroyable;
import org.jspecify.annotations.Nullable;

/**
 * A secret value: a password, an API token, a key. It holds its value privately as bytes (text is
 * kept as UTF-8) and hands out copies only.
 *
 * <pre>{@code
 * Secret password = secrets.require("db.password");
 * Connection connection = password.withChars(chars -> connect("app", chars)); // copy wiped after
 * password.destroy();                                                          // and the original
 * }</pre>
 *
 * <p><b>Security guarantees.</b>
 * <ul>
 *   <li>{@link #toString()} is {@code Secret[redacted]} (or {@code Secret[destroyed]}): neither
 *       the value nor its length is printed, since a length narrows a guess.</li>
 *   <li>{@link #equals(Object)} compares in time that does not depend on the content (it uses
 *       {@link MessageDigest#isEqual(byte[], byte[])}); it may depend on the lengths.</li>
 *   <li>{@link #hashCode()} is the same constant for every secret, so it reveals nothing; a
 *       secret is not meant to be a hash key.</li>
 *   <li>Input arrays are copied; {@link #chars()} and {@link #bytes()} return fresh copies that
 *       the caller should wipe; {@link #withChars(Function)} and {@link #withBytes(Function)}
 *       wipe their copy when the function returns.</li>
 *   <li>{@link #destroy()} zero-fills the held bytes; afterwards every accessor throws
 *       {@link IllegalStateException}. Copies already handed out, and {@code String}s the JVM
 *       holds (an environment variable, a system property), cannot be wiped by this class.</li>
 *   <li>A {@code Secret} is not {@code Serializable}, and nothing in Bulwark logs its value.</li>
 * </ul>
 *
 * <p><b>Thread safety.</b> Thread-safe: every access to the value holds a private lock, so a concurrent {@link #destroy()} never lets a reader see a half-wiped value.
 */
public final class Secret implements Destroyable {

  /** The hash code of every secret; see {@link #hashCode()}. */
  private static final int HASH = 0x5ec7e7;

  /** A private lock: callers locking on a {@code Secret} cannot stall or interleave with it. */
  private final Object lock = new Object();
  private final byte[] value;
  private boolean destroyed;

  private Secret(byte[] owned) {
    this.value = owned;
  }

  /** Wraps {@code owned} without copying; the caller hands the array over and keeps no alias. */
  static Secret adopt(byte[] owned) {
    return new Secret(owned);
  }

  /**
   * Creates a secret from text. The array is copied (as UTF-8); the caller may wipe it afterwards.
   *
   * @param value the secret text
   * @return a new secret
   * @throws IllegalArgumentException if {@code value} holds an unpaired surrogate (it is not
   *     text); the message does not contain the value
   */
  public static Secret ofChars(char[] value) {
    Objects.requireNonNull(value, "value");
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // At most 3 bytes per char in UTF-8 (a surrogate pair is 2 chars, 4 bytes), so the buffer
    // never grows and no partial copy of the value is left behind.
    ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(value.length, 3));
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(value), out, true);
      if (!result.isError()) {
        result = encoder.flush(out);
      }
      if (result.isError()) {
        throw new IllegalArgumentException("secret text is not well-formed UTF-16"
            + " (unpaired surrogate); pass the value as bytes with Secret.ofBytes");
      }
      return new Secret(Arrays.copyOf(out.array(), out.position()));
    } finally {
      Arrays.fill(out.array(), (byte) 0);
    }
  }

  /**
   * Creates a secret from bytes, for binary keys. The array is copied; the caller may wipe it.
   *
   * @param value the secret bytes
   * @return a new secret
   */
  public static Secret ofBytes(byte[] value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value.clone());
  }

  /**
   * Returns a copy of the value as characters, decoded from UTF-8. Wipe it after use
   * ({@code Arrays.fill(chars, '\0')}), or use {@link #withChars(Function)}.
   *
   * @return a new array holding the value
   * @throws IllegalStateException if the secret was destroyed, or holds bytes that are not UTF-8
   *     text (a binary secret made with {@link #ofBytes(byte[])}; use {@link #bytes()})
   */
  public char[] chars() {
    synchronized (lock) {
      checkNotDestroyed();
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharBuffer out = CharBuffer.allocate(value.length); // never more chars than UTF-8 bytes
      try {
        CoderResult result = decoder.decode(ByteBuffer.wrap(value), out, true);
        if (!result.isError()) {
          result = decoder.flush(out);
        }
        if (result.isError()) {
          throw new IllegalStateException("secret is not UTF-8 text; read it with bytes()");
        }
        return Arrays.copyOf(out.array(), out.position());
      } finally {
        Arrays.fill(out.array(), '\0');
      }
    }
  }

  /**
   * Returns a copy of the value as bytes (UTF-8 for text). Wipe it after use
   * ({@code Arrays.fill(bytes, (byte) 0)}), or use {@link #withBytes(Function)}.
   *
   * @return a new array holding the value
   * @throws IllegalStateException if the secret was destroyed
   */
  public byte[] bytes() {
    synchronized (lock) {
      checkNotDestroyed();
      return value.clone();
    }
  }

  /**
   * Applies {@code action} to a copy of the value as characters, and wipes the copy when the
   * action returns or throws. The action must not keep a reference to the array.
   *
   * @param action what to do with the value
   * @param <R> the result type
   * @return the action's result
   * @throws IllegalStateException as {@link #chars()} does
   */
  public <R extends @Nullable Object> R withChars(Function<? super char[], ? extends R> action) {
    Objects.requireNonNull(action, "action");
    char[] copy = chars();
    try {
      return action.apply(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /**
   * Applies {@code action} to a copy of the value as bytes, and wipes the copy when the action
   * returns or throws. The action must not keep a reference to the array.
   *
   * @param action what to do with the value
   * @param <R> the result type
   * @return the action's result
   * @throws IllegalStateException if the secret was destroyed
   */
  public <R extends @Nullable Object> R withBytes(Function<? super byte[], ? extends R> action) {
    Objects.requireNonNull(action, "action");
    byte[] copy = bytes();
    try {
      return action.apply(copy);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /**
   * Zero-fills the value. Idempotent. Afterwards {@link #chars()}, {@link #bytes()} and the
   * {@code with} methods throw {@link IllegalStateException}.
   */
  @Override
  public void destroy() {
    synchronized (lock) {
      Arrays.fill(value, (byte) 0);
      destroyed = true;
    }
  }

  /**
   * Tells whether {@link #destroy()} was called.
   *
   * @return {@code true} once destroyed
   */
  @Override
  public boolean isDestroyed() {
    synchronized (lock) {
      return destroyed;
    }
  }

  /**
   * Compares two secrets' bytes in time independent of their content. A destroyed secret equals
   * only itself.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a secret holding the same bytes
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Secret)) {
      return false;
    }
    byte[] theirs;
    try {
      theirs = ((Secret) other).bytes(); // takes only the other lock: no lock-order deadlock
    } catch (IllegalStateException destroyedOther) {
      return false;
    }
    try {
      synchronized (lock) {
        return !destroyed && MessageDigest.isEqual(value, theirs);
      }
    } finally {
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /**
   * Returns the same constant for every secret, so that the hash reveals nothing about the value.
   *
   * @return a constant
   */
  @Override
  public int hashCode() {
    return HASH;
  }

  /**
   * Returns {@code Secret[redacted]}, or {@code Secret[destroyed]} after {@link #destroy()}.
   *
   * @return a description that contains neither the value nor its length
   */
  @Override
  public String toString() {
    synchronized (lock) {
      return destroyed ? "Secret[destroyed]" : "Secret[redacted]";
    }
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
  }
}
