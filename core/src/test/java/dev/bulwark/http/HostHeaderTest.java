package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HostHeader#parse(String)}: accepted forms and a named negative per refusal branch. */
class HostHeaderTest {

  @Test
  void parse_name_isLowerCasedWithoutPort() {
    assertThat(HostHeader.parse("Example.COM")).isEqualTo(new HostHeader("example.com", -1));
  }

  @Test
  void parse_nameAndPort_keepsPort() {
    assertThat(HostHeader.parse("example.com:8080")).isEqualTo(new HostHeader("example.com", 8080));
  }

  @Test
  void parse_ipLiterals_areAccepted() {
    assertThat(HostHeader.parse("192.0.2.1:80").host()).isEqualTo("192.0.2.1");
    assertThat(HostHeader.parse("[2001:DB8::1]:443")).isEqualTo(new HostHeader("[2001:db8::1]", 443));
  }

  @Test
  void parse_empty_isRefused() {
    assertThatThrownBy(() -> HostHeader.parse("")).hasMessage("empty host");
  }

  @Test
  void parse_tooLong_isRefused() {
    assertThatThrownBy(() -> HostHeader.parse("a".repeat(HostHeader.MAX_LENGTH + 1)))
        .hasMessageContaining("longer than");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com\r\nX-Injected: 1", "example.com\n", "example.com\r",
      "exa mple.com", "example.com\t", "ex\u0000ample.com", "exämple.com", "\u212Aexample.com"})
  void parse_controlSpaceOrNonAscii_isRefused(String text) {
    assertThatThrownBy(() -> HostHeader.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control, space or non-ASCII");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@example.com", "evil.example@example.com", "a:b@example.com"})
  void parse_userinfo_isRefused(String text) {
    assertThatThrownBy(() -> HostHeader.parse(text)).hasMessageContaining("userinfo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com/", "example.com/evil", "example.com?x", "example.com#f",
      "example.com\\evil.example"})
  void parse_pathQueryFragmentOrBackslash_isRefused(String text) {
    assertThatThrownBy(() -> HostHeader.parse(text)).hasMessageContaining("path, query");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com.", "under_score.example", "-lead.example", "a..b",
      "%65xample.com", "[::1", "[not-ip]", "1.2.3", "example.com:", "example.com:0",
      "example.com:65536", "example.com:80x", "example.com:80:80", ":80", "*.example.com"})
  void parse_invalidHostOrPort_isRefused(String text) {
    assertThatThrownBy(() -> HostHeader.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid host");
  }

  @Test
  void parse_message_neverRepeatsInput() {
    assertThatThrownBy(() -> HostHeader.parse("secret-evil.example:99999"))
        .message().doesNotContain("secret-evil");
  }

  @Test
  void constructor_portOutOfRange_isRefused() {
    assertThatThrownBy(() -> new HostHeader("example.com", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
