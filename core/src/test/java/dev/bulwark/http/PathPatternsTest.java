package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PathPatterns}: pattern syntax, matching, and paths crafted to slip past a pattern. */
class PathPatternsTest {

  private final PathPatterns patterns =
      PathPatterns.of(List.of("/healthz", "/webhooks/*", "/.well-known/acme-challenge/*"));

  @ParameterizedTest
  @ValueSource(strings = {"/healthz", "/webhooks", "/webhooks/", "/webhooks/stripe",
      "/webhooks/stripe/v1", "/.well-known/acme-challenge/tok-EN_1",
      "/webhooks/a@b:c=d&e+f!g$h'i(j)k,l~m"})
  void matches_listedPathsAndPrefixes_match(String path) {
    assertThat(patterns.matches(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/healthz/", "/healthzx", "/HEALTHZ", "/webhooksx",
      "/webhook", "/admin", "/.well-known/other", ""})
  void matches_otherPaths_doNotMatch(String path) {
    assertThat(patterns.matches(path)).isFalse();
  }

  /** Each of these could reach {@code /admin} (or another route) after decoding or normalising. */
  @ParameterizedTest
  @ValueSource(strings = {"/webhooks/../admin", "/webhooks/./admin", "/webhooks/..",
      "/webhooks/%2e%2e/admin", "/webhooks/%2E%2E/admin", "/webhooks%2f..%2fadmin",
      "/webhooks/..%2fadmin", "/webhooks/..%5cadmin", "/webhooks;/../admin",
      "/webhooks/x;jsessionid=1", "/healthz;x", "/webhooks\\..\\admin", "//webhooks/x",
      "/webhooks//x", "/webhooks/%00", "/webhooks/\u0000", "/webhooks/a b", "/webhooks/\r\n",
      "/webhooks/\u00e4", "webhooks/x", "/healthz%3b", "/webhooks/x?y", "/webhooks/x#y"})
  void matches_dangerousForms_neverMatch(String path) {
    assertThat(patterns.matches(path)).isFalse();
  }

  @Test
  void matches_veryLongPath_doesNotMatch() {
    assertThat(patterns.matches("/webhooks/" + "a".repeat(5000))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"healthz", "/a/../b", "/a//b", "/a/./b", "/a%2fb", "/a;b", "/a\\b",
      "/a*", "/a/*/b", "/a/**", "", "/a b", "/*/x"})
  void of_invalidPattern_failsNamingTheForm(String pattern) {
    assertThatThrownBy(() -> PathPatterns.of(List.of(pattern)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exact path such as /healthz");
  }

  @Test
  void of_everyPath_isRefused() {
    assertThatThrownBy(() -> PathPatterns.of(List.of("/*")))
        .hasMessageContaining("matches every path");
  }

  @Test
  void of_nothing_isTheEmptySet() {
    assertThat(PathPatterns.of(List.of())).isSameAs(PathPatterns.none());
    assertThat(PathPatterns.none().matches("/anything")).isFalse();
    assertThat(PathPatterns.none().isEmpty()).isTrue();
  }

  @Test
  void isNormal_rootAndTrailingSlash_areNormal() {
    assertThat(PathPatterns.isNormal("/")).isTrue();
    assertThat(PathPatterns.isNormal("/a/")).isTrue();
    assertThat(PathPatterns.isNormal("/a/..b/c..")).isTrue();
  }

  @Test
  void toString_listsPatterns() {
    assertThat(patterns.toString()).contains("/healthz", "/webhooks/*");
  }
}
