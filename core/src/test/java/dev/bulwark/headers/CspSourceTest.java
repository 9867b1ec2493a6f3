package dev.bulwark.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CspSourceTest {

  private static final String SHA256 = Base64.getEncoder().encodeToString(new byte[32]);

  @ParameterizedTest
  @ValueSource(strings = {"'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'",
      "'unsafe-hashes'", "'report-sample'", "'wasm-unsafe-eval'", "https:", "data:", "blob:",
      "https://cdn.example.com", "*.example.com", "example.com:8443", "https://a.example/x/y.js",
      "*", "https://example.com:*", "wss://socket.example.com"})
  void parse_validSource_isAccepted(String source) {
    assertThat(CspSource.parse(source)).isEqualTo(source);
  }

  @Test
  void parse_upperCaseSchemeAndHost_isLowerCased() {
    assertThat(CspSource.parse("HTTPS://CDN.Example.COM/Path")).isEqualTo(
        "https://cdn.example.com/Path");
    assertThat(CspSource.parse("HTTPS:")).isEqualTo("https:");
  }

  @Test
  void parse_hashSources_acceptsEachDigestLength() {
    assertThat(CspSource.parse("'sha256-" + SHA256 + "'")).startsWith("'sha256-");
    assertThat(CspSource.parse("'sha384-" + Base64.getEncoder().encodeToString(new byte[48])
        + "'")).startsWith("'sha384-");
    assertThat(CspSource.parse("'sha512-" + Base64.getUrlEncoder().encodeToString(new byte[64])
        + "'")).startsWith("'sha512-");
  }

  @Test
  void parse_empty_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("")).hasMessageContaining("empty");
  }

  @Test
  void parse_tooLong_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("a".repeat(CspSource.MAX_LENGTH + 1)))
        .hasMessageContaining("longer than");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'self' 'unsafe-eval'", "a;b", "a,b", "caf\u00e9.example",
      "a\tb", "a\u0000b", "example.com\r\n"})
  void parse_separatorControlOrNonAscii_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'self", "'", "''"})
  void parse_unterminatedQuote_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source)).hasMessageContaining("unterminated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'Self'", "'SELF'", "'unsafe_inline'", "'sha1-AAAA'", "'nonsense'",
      "'self '"})
  void parse_inexactKeyword_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_noneAmongSources_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("'none'")).hasMessageContaining("none()");
  }

  @Test
  void parse_staticNonce_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("'nonce-abc123'"))
        .hasMessageContaining("static nonce").hasMessageContaining("scriptNonce()");
  }

  @Test
  void parse_hashNotBase64_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("'sha256-!!!!'"))
        .hasMessageContaining("not base64");
  }

  @Test
  void parse_hashOfWrongLength_isRefused() {
    assertThatThrownBy(() -> CspSource.parse("'sha512-" + SHA256 + "'"))
        .hasMessageContaining("expected 64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1http:", "://example.com", "ht_tp://example.com"})
  void parse_badScheme_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source)).hasMessageContaining("scheme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://", "a..example", ".example.com", "*.", "ex*ample.com",
      "exa_mple.com", "https://user@example.com"})
  void parse_badHost_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source)).hasMessageContaining("host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com:123456", "example.com:8o", "example.com:70000"})
  void parse_badPort_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source)).hasMessageContaining("port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com/a\"b", "example.com/<x>", "example.com/a\\b"})
  void parse_badPath_isRefused(String source) {
    assertThatThrownBy(() -> CspSource.parse(source)).hasMessageContaining("path");
  }
}
