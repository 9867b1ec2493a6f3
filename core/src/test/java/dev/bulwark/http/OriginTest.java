package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginTest {

  @ParameterizedTest
  @CsvSource({
      "https://app.example.com, https://app.example.com, 443",
      "HTTPS://App.Example.COM, https://app.example.com, 443",
      "https://app.example.com:443, https://app.example.com, 443",
      "http://app.example.com:80, http://app.example.com, 80",
      "https://app.example.com:8443, https://app.example.com:8443, 8443",
      "http://127.0.0.1:3000, http://127.0.0.1:3000, 3000",
      "http://[::1]:3000, http://[::1]:3000, 3000",
      "wss://chat.example.com, wss://chat.example.com, 443",
      "chrome-extension://abcdef:1, chrome-extension://abcdef:1, 1",
      "https://xn--bcher-kva.example, https://xn--bcher-kva.example, 443",
  })
  void parse_validOrigin_isNormalised(String text, String serialized, int port) {
    Origin origin = Origin.parse(text);
    assertThat(origin.serialized()).isEqualTo(serialized);
    assertThat(origin.port()).isEqualTo(port);
    assertThat(origin).isEqualTo(Origin.parse(serialized));
  }

  @Test
  void parse_canonicalInput_reusesTheString() {
    String text = "https://app.example.com";
    assertThat(Origin.parse(text).serialized()).isSameAs(text);
  }

  // One named negative test per branch of the parser.

  @Test
  void parse_empty_isMalformed() {
    assertMalformed("", "empty origin");
  }

  @Test
  void parse_tooLong_isMalformed() {
    assertMalformed("https://" + "a".repeat(600) + ".com", "longer than 512");
  }

  @Test
  void parse_noSchemeSeparator_isMalformed() {
    assertMalformed("app.example.com", "not scheme://host");
    assertMalformed("://app.example.com", "not scheme://host");
  }

  @Test
  void parse_badSchemeCharacter_isMalformed() {
    assertMalformed("ht_tp://app.example.com", "scheme");
    assertMalformed("1http://app.example.com", "scheme");
  }

  @Test
  void parse_noHost_isMalformed() {
    assertMalformed("https://", "no host");
    assertMalformed("file://", "no host");
  }

  @Test
  void parse_badHostCharacters_areMalformed() {
    for (String bad : new String[] {"https://app_.example.com", "https://app.example.com%60.x",
        "https://app.example.com`.x", "https://app.example.com}.x", "https://a b.com",
        "https://app.example.com@evil.com", "https://\u0430pp.example.com",
        "https://\u212aelvin.example.com", "https://-app.example.com", "https://app-.example.com",
        "https://app..example.com", "https://app.example.com.", "https://.example.com",
        "https://1.2.3", "https://[::1", "https://[zz::1]"}) {
      assertMalformed(bad, "host");
    }
  }

  @Test
  void parse_charactersAfterHost_areMalformed() {
    assertMalformed("https://[::1]x", "after the host");
  }

  @Test
  void parse_pathQueryFragment_areMalformed() {
    assertMalformed("https://app.example.com/", "host");
    assertMalformed("https://app.example.com/a", "host");
    assertMalformed("https://app.example.com?q", "host");
    assertMalformed("https://app.example.com#f", "host");
  }

  @Test
  void parse_badPort_isMalformed() {
    assertMalformed("https://app.example.com:", "port");
    assertMalformed("https://app.example.com:0", "port");
    assertMalformed("https://app.example.com:65536", "port");
    assertMalformed("https://app.example.com:44a", "port");
    assertMalformed("https://app.example.com:443/", "port");
  }

  @Test
  void parse_schemeWithoutDefaultPortAndNoPort_isMalformed() {
    assertMalformed("chrome-extension://abcdef", "needs a port");
  }

  @Test
  void parse_crlf_isMalformed() {
    assertMalformed("https://app.example.com\r\nX: 1", "host");
  }

  @Test
  void parse_null_isRejectedAsNotAnOrigin() {
    assertMalformed("null", "not scheme://host");
  }

  @Test
  void isSameOriginAs_comparesSchemeHostPort() {
    Origin origin = Origin.parse("https://api.example.com");
    IpAddress any = IpAddress.parse("192.0.2.1");
    assertThat(origin.isSameOriginAs(new ResolvedClient(any, "https", "api.example.com", 443, false))).isTrue();
    assertThat(origin.isSameOriginAs(new ResolvedClient(any, "http", "api.example.com", 443, false))).isFalse();
    assertThat(origin.isSameOriginAs(new ResolvedClient(any, "https", "api.example.com", 8443, false))).isFalse();
    assertThat(origin.isSameOriginAs(new ResolvedClient(any, "https", "API.example.com", 443, false))).isTrue();
  }

  private static void assertMalformed(String text, String messagePart) {
    assertThatThrownBy(() -> Origin.parse(text))
        .as(text)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart)
        .satisfies(e -> {
          if (text.length() > 8) {
            assertThat(e.getMessage()).doesNotContain(text);
          }
        });
  }
}
