package dev.bulwark.crypto.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Turns a password or passphrase into the bytes that are hashed: Unicode NFC, then UTF-8. Used
 * by the password hasher and for keyset passphrases, so both treat text the same way.
 *
 * <p>NFC rather than NIST's suggested NFKC/NFKD: every other bcrypt implementation hashes the
 * bytes it is given, and a user's text arrives NFC from almost every input method, so NFC makes
 * canonically equal spellings ({@code é} precomposed or {@code e} + combining acute) the same
 * password while hashes made elsewhere from NFC passwords keep verifying. NFKC would also fold
 * compatibility characters (full-width letters, ligatures) and so break those hashes.
 *
 * <p>When the input is already NFC (the usual case) no {@code String} is made; otherwise the
 * JDK's {@link Normalizer} returns a {@code String}, which cannot be wiped.
 */
public final class PasswordText {

  private PasswordText() {}

  /**
   * Returns the NFC UTF-8 bytes of {@code password} (the caller wipes them), or {@code null} if
   * it holds an unpaired surrogate. The input array is not modified.
   *
   * @param password the text
   * @return its NFC UTF-8 bytes, or {@code null}
   */
  public static byte @Nullable [] utf8Nfc(char[] password) {
    CharBuffer chars = CharBuffer.wrap(password);
    if (Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
      return encode(password);
    }
    char[] normalized = Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray();
    try {
      return encode(normalized);
    } finally {
      Arrays.fill(normalized, '\0');
    }
  }

  private static byte @Nullable [] encode(char[] text) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // At most 3 bytes per char, so the buffer never grows and leaves no partial copy behind.
    ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(text.length, 3));
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(text), out, true);
      if (!result.isError()) {
        result = encoder.flush(out);
      }
      return result.isError() ? null : Arrays.copyOf(out.array(), out.position());
    } finally {
      Arrays.fill(out.array(), (byte) 0);
    }
  }

  /**
   * Says whether {@code bytes} holds a NUL byte.
   *
   * @param bytes the bytes
   * @return {@code true} if one of them is 0
   */
  public static boolean containsNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}
