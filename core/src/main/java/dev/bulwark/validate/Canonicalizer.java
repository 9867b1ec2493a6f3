package dev.bulwark.validate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.owasp.html.Encoding;

/**
 * Decodes percent-encoding and HTML character references until the value stops changing, and
 * reports double and mixed encoding, as OWASP ESAPI's canonicalizer does.
 *
 * <p>Legitimate input is encoded at most once, in one scheme: a browser percent-encodes a form
 * value once. {@code %253C} (percent-encoding applied twice) or {@code %26lt%3B} (percent over
 * an HTML entity) is how filters that decode once are bypassed; such input is
 * {@link Canonical#isSuspicious() suspicious} and should be refused, not decoded further.
 *
 * <p>Work is bounded: at most {@value #MAX_ROUNDS} rounds, each linear in the input. Percent
 * sequences that do not form UTF-8 are left as they are. Thread-safe and stateless.
 */
public final class Canonicalizer {

  /** Decoding rounds after which decoding stops (the value is suspicious long before). */
  public static final int MAX_ROUNDS = 8;

  private Canonicalizer() {}

  /**
   * The outcome of {@link #canonicalize(String)}.
   *
   * @param value the decoded value (after at most {@value #MAX_ROUNDS} rounds)
   * @param percentRounds how many rounds percent-decoding changed the value
   * @param entityRounds how many rounds HTML-reference decoding changed the value
   */
  public record Canonical(String value, int percentRounds, int entityRounds) {

    /**
     * Checks the value.
     *
     * @param value the decoded value
     * @param percentRounds percent-decoding rounds
     * @param entityRounds entity-decoding rounds
     */
    public Canonical {
      Objects.requireNonNull(value, "value");
    }

    /**
     * Tells whether one scheme was applied more than once.
     *
     * @return true on double (multiple) encoding
     */
    public boolean isMultiplyEncoded() {
      return percentRounds > 1 || entityRounds > 1;
    }

    /**
     * Tells whether both schemes were found.
     *
     * @return true on mixed encoding
     */
    public boolean isMixedEncoded() {
      return percentRounds > 0 && entityRounds > 0;
    }

    /**
     * Tells whether the input was multiply or mixed encoded.
     *
     * @return true when the input should be refused
     */
    public boolean isSuspicious() {
      return isMultiplyEncoded() || isMixedEncoded();
    }
  }

  /**
   * Decodes {@code input} until it is stable and counts the rounds per scheme.
   *
   * @param input the raw input
   * @return the decoded value and the rounds
   */
  public static Canonical canonicalize(String input) {
    Objects.requireNonNull(input, "input");
    String current = input;
    int percent = 0;
    int entity = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = false;
      String decoded = percentDecode(current);
      if (!decoded.equals(current)) {
        percent++;
        current = decoded;
        changed = true;
      }
      decoded = current.indexOf('&') < 0 ? current : Encoding.decodeHtml(current, false);
      if (!decoded.equals(current)) {
        entity++;
        current = decoded;
        changed = true;
      }
      if (!changed) {
        break;
      }
    }
    return new Canonical(current, percent, entity);
  }

  /** Decodes runs of %XX that form valid UTF-8; leaves everything else, '+' included. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) != '%' || hex(s, i) < 0) {
        out.append(s.charAt(i++));
        continue;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int start = i;
      while (i < s.length() && s.charAt(i) == '%' && hex(s, i) >= 0) {
        bytes.write(hex(s, i));
        i += 3;
      }
      try {
        out.append(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes.toByteArray())));
      } catch (CharacterCodingException e) {
        out.append(s, start, i);
      }
    }
    return out.toString();
  }

  private static int hex(String s, int percent) {
    if (percent + 2 >= s.length()) {
      return -1;
    }
    int hi = Character.digit(s.charAt(percent + 1), 16);
    int lo = Character.digit(s.charAt(percent + 2), 16);
    return hi < 0 || lo < 0 || s.charAt(percent + 1) > 'f' || s.charAt(percent + 2) > 'f'
        ? -1 : hi * 16 + lo;
  }
}
