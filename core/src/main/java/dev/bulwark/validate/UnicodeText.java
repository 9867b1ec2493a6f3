package dev.bulwark.validate;

import java.text.Normalizer;
import java.util.Objects;

/**
 * Unicode normalisation and control-character detection.
 *
 * <p>A <em>control or invisible formatting character</em> here is: every C0 and C1 control and
 * DEL (general category Cc; tab, CR and LF optionally allowed), the bidirectional overrides and
 * isolates (U+202A..U+202E, U+2066..U+2069, which reorder displayed text, e.g. to disguise a
 * file extension), zero-width characters (U+200B..U+200F, U+2060..U+2064, U+FEFF), and unpaired
 * surrogates. Thread-safe and stateless.
 */
public final class UnicodeText {

  private UnicodeText() {}

  /**
   * Normalises text to Unicode Normalization Form C (composed), the form to store and compare.
   * Apply it before validating, so that checks see the same characters as later readers.
   *
   * @param text the text
   * @return the NFC form (the same instance when already normalised)
   */
  public static String normalize(String text) {
    Objects.requireNonNull(text, "text");
    return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * Tells whether text is in NFC.
   *
   * @param text the text
   * @return true when normalised
   */
  public static boolean isNormalized(String text) {
    return Normalizer.isNormalized(Objects.requireNonNull(text, "text"), Normalizer.Form.NFC);
  }

  /**
   * Finds the first control or invisible formatting character.
   *
   * @param text the text
   * @param allowLineBreaks whether tab, CR and LF are accepted
   * @return its UTF-16 index, or -1 when there is none
   */
  public static int firstControlCharacter(String text, boolean allowLineBreaks) {
    Objects.requireNonNull(text, "text");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (isControl(c, allowLineBreaks)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isControl(char c, boolean allowLineBreaks) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return !allowLineBreaks;
    }
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || Character.isSurrogate(c);
  }

  static boolean isPrintableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
