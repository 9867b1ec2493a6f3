package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

  private static final RedirectPolicy POLICY =
      RedirectPolicy.builder().allowHosts("App.Example.com").build();

  @ParameterizedTest
  @ValueSource(strings = {"/", "/account", "/search?q=a%20b&x=1#top", "/caf%C3%A9",
      "https://app.example.com/x", "HTTPS://APP.EXAMPLE.COM", "https://app.example.com:443/",
      "/a/../b", "/100%25"})
  void check_safeTarget_isAccepted(String target) {
    assertThat(POLICY.check(target)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"//evil.com", "/\\evil.com", "\\\\evil.com", "/\t/evil.com",
      "/\n/evil.com", " /evil", "javascript:alert(1)", "JavaScript:alert(1)",
      "data:text/html,x", "https://evil.com", "https://app.example.com.evil.com/",
      "https://app.example.com@evil.com/", "https://evil.com\\@app.example.com",
      "http://app.example.com/", "https://app.example.com:8443/", "evil.com", "account",
      "?next=x", "/%2F/evil.com", "/%2fevil.com", "%2F%2Fevil.com", "/%5Cevil.com",
      "/%09/evil.com", "/%252F/evil.com", "/%26lt%3B", "https://app.example.com%2Eevil.com/",
      "https://\u0430pp.example.com/", "ftp://app.example.com/", "", "/%0d%0aSet-Cookie:x",
      "?ttps://app.example.com/x", "1https://app.example.com/", "#https://app.example.com/"})
  void check_unsafeTarget_isRefused(String target) {
    assertThat(POLICY.check(target)).get()
        .satisfies(v -> assertThat(v.code()).isEqualTo("unsafe_redirect"));
  }

  @Test
  void check_overLength_isRefused() {
    assertThat(POLICY.isSafe("/" + "a".repeat(RedirectPolicy.MAX_LENGTH))).isFalse();
    assertThat(POLICY.isSafe("/" + "a".repeat(RedirectPolicy.MAX_LENGTH - 1))).isTrue();
  }

  @Test
  void relativeOnly_absoluteUrl_isRefused() {
    assertThat(RedirectPolicy.relativeOnly().isSafe("https://app.example.com/")).isFalse();
    assertThat(RedirectPolicy.relativeOnly().isSafe("/home")).isTrue();
  }

  @Test
  void allowHttp_httpToAllowedHost_isAccepted() {
    RedirectPolicy http = RedirectPolicy.builder().allowHosts("a.test").allowHttp().build();
    assertThat(http.isSafe("http://a.test/x")).isTrue();
    assertThat(http.isSafe("http://a.test:80/x")).isTrue();
  }

  @Test
  void check_messageNeverEchoesTarget() {
    assertThat(POLICY.check("javascript:secret()").orElseThrow().message())
        .doesNotContain("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://a.test", "*.a.test", "a.test:443", "", "a..test"})
  void builder_hostNotPlainDnsName_isRefused(String host) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectPolicy.builder().allowHosts(host).build())
        .withMessageContaining("allowHosts");
  }

  @Test
  void builder_allowHttpWithoutHosts_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RedirectPolicy.builder().allowHttp().build())
        .withMessageContaining("allowHttp");
  }

  @Test
  void check_null_isRejected() {
    assertThatNullPointerException().isThrownBy(() -> POLICY.check(null));
  }
}
