package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {

  @Test
  void toLowerCase_foldsOnlyAsciiLetters() {
    assertThat(Ascii.toLowerCase("HeLLo-World_1")).isEqualTo("hello-world_1");
    assertThat(Ascii.toLowerCase("\u212a")).isEqualTo("\u212a"); // Kelvin sign stays
    assertThat(Ascii.toLowerCase("\u0130")).isEqualTo("\u0130"); // dotted capital I stays
  }

  @Test
  void toLowerCase_unchanged_returnsSameInstance() {
    String s = "already-lower";
    assertThat(Ascii.toLowerCase(s)).isSameAs(s);
  }

  @Test
  void equalsIgnoreCase_isAsciiOnly() {
    assertThat(Ascii.equalsIgnoreCase("Vary", "vARY")).isTrue();
    assertThat(Ascii.equalsIgnoreCase("k", "\u212a")).isFalse();
    assertThat(Ascii.equalsIgnoreCase("ab", "abc")).isFalse();
  }

  @Test
  void sweep_everyCharBelow0x10000_foldsLikeAsciiRule() {
    for (char c = 0; c < 0xffff; c++) {
      String s = String.valueOf(c);
      char expected = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      assertThat(Ascii.toLowerCase(s).charAt(0)).isEqualTo(expected);
    }
  }
}
