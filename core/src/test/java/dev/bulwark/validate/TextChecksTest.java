package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextChecksTest {

  @Test
  void normalize_decomposed_becomesComposed() {
    assertThat(UnicodeText.normalize("e\u0301")).isEqualTo("\u00e9");
    String composed = new String("\u00e9".toCharArray());
    assertThat(UnicodeText.normalize(composed)).isSameAs(composed);
  }

  @Test
  void firstControlCharacter_sweepOfBmp_matchesDefinition() {
    for (char c = 0; c < 0xffff; c++) {
      boolean expected = Character.getType(c) == Character.CONTROL || Character.isSurrogate(c)
          || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
      assertThat(UnicodeText.firstControlCharacter("a" + c, false) == 1)
          .as("U+%04x", (int) c).isEqualTo(expected);
    }
  }

  @Test
  void firstControlCharacter_lineBreaksAllowed_acceptsTabCrLf() {
    assertThat(UnicodeText.firstControlCharacter("a\tb\r\nc", true)).isEqualTo(-1);
    assertThat(UnicodeText.firstControlCharacter("a\tb", false)).isEqualTo(1);
    assertThat(UnicodeText.firstControlCharacter("\ud83d\ude00", false)).isEqualTo(-1);
    assertThat(UnicodeText.firstControlCharacter("\ude00\ud83d", false)).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "%3Cscript%3E", "&lt;b&gt;", "100%25", "a%zz", "%", "&",
      "%C3%A9", "a+b"})
  void canonicalize_singleEncoding_isNotSuspicious(String input) {
    assertThat(Canonicalizer.canonicalize(input).isSuspicious()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"%253Cscript%253E", "%25253C", "%26lt%3B", "&amp;lt;", "&#37;3C",
      "%2526", "&#x26;#x3c;"})
  void canonicalize_doubleOrMixed_isSuspicious(String input) {
    assertThat(Canonicalizer.canonicalize(input).isSuspicious()).isTrue();
  }

  @Test
  void canonicalize_reportsRounds() {
    Canonicalizer.Canonical c = Canonicalizer.canonicalize("%253C");
    assertThat(c.value()).isEqualTo("<");
    assertThat(c.percentRounds()).isEqualTo(2);
    assertThat(c.isMultiplyEncoded()).isTrue();
    assertThat(c.isMixedEncoded()).isFalse();
    Canonicalizer.Canonical m = Canonicalizer.canonicalize("%26lt%3B");
    assertThat(m.value()).isEqualTo("<");
    assertThat(m.isMixedEncoded()).isTrue();
  }

  @Test
  void canonicalize_deepNesting_stopsAfterMaxRounds() {
    String deep = "%" + "25".repeat(50) + "3C";
    Canonicalizer.Canonical c = Canonicalizer.canonicalize(deep);
    assertThat(c.percentRounds()).isEqualTo(Canonicalizer.MAX_ROUNDS);
    assertThat(c.isSuspicious()).isTrue();
  }

  @Test
  void canonicalize_invalidUtf8Percent_isLeftAlone() {
    assertThat(Canonicalizer.canonicalize("%C3%28").value()).isEqualTo("%C3%28");
  }
}
