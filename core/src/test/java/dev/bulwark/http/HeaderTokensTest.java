package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTokensTest {

  @Test
  void mergeInto_empty_setsTokens() {
    TestResponseHeaders h = new TestResponseHeaders();
    HeaderTokens.mergeInto(h, "Vary", "Origin", "Access-Control-Request-Method");
    assertThat(h.get("Vary")).containsExactly("Origin, Access-Control-Request-Method");
  }

  @Test
  void mergeInto_existingToken_isNotRepeated_caseInsensitively() {
    TestResponseHeaders h = new TestResponseHeaders();
    h.set("Vary", "accept-encoding, ORIGIN");
    HeaderTokens.mergeInto(h, "Vary", "Origin");
    assertThat(h.get("Vary")).containsExactly("accept-encoding, ORIGIN");
  }

  @Test
  void mergeInto_keepsExistingAndAddsMissing() {
    TestResponseHeaders h = new TestResponseHeaders();
    h.set("Vary", "Accept-Encoding");
    HeaderTokens.mergeInto(h, "Vary", "Origin", "Accept-Encoding");
    assertThat(h.get("Vary")).containsExactly("Accept-Encoding", "Origin");
  }

  @Test
  void mergeInto_star_absorbsEverything() {
    TestResponseHeaders h = new TestResponseHeaders();
    h.set("Vary", "*");
    HeaderTokens.mergeInto(h, "Vary", "Origin");
    assertThat(h.get("Vary")).containsExactly("*");
  }

  @Test
  void isToken_acceptsRfc9110TokensOnly() {
    assertThat(HeaderTokens.isToken("X-Request-Id")).isTrue();
    assertThat(HeaderTokens.isToken("!#$%&'*+-.^_`|~09azAZ")).isTrue();
    assertThat(HeaderTokens.isToken("")).isFalse();
    assertThat(HeaderTokens.isToken("a b")).isFalse();
    assertThat(HeaderTokens.isToken("a:b")).isFalse();
    assertThat(HeaderTokens.isToken("a\r\nb")).isFalse();
    assertThat(HeaderTokens.isToken("caf\u00e9")).isFalse();
  }
}
