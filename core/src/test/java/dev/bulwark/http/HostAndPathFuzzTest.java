package dev.bulwark.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz contracts for {@link HostHeader#parse(String)} (returns a host or throws
 * {@link IllegalArgumentException}) and {@link PathPatterns#matches(String)} (never throws; a
 * match is always a normal path). Regression mode in {@code verify}; {@code JAZZER_FUZZ=1} to
 * fuzz.
 */
class HostAndPathFuzzTest {

  private static final PathPatterns PATTERNS =
      PathPatterns.of(List.of("/healthz", "/webhooks/*", "/.well-known/acme-challenge/*"));

  @FuzzTest
  void hostHeader_parse(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    HostHeader host;
    try {
      host = HostHeader.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    // A parsed host is lower-case visible ASCII without userinfo, path or CR/LF, and stable.
    assertThat(host.host().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '@' && c != '/'
        && c != '\\' && !(c >= 'A' && c <= 'Z'))).isTrue();
    String again = host.port() < 0 ? host.host() : host.host() + ":" + host.port();
    assertThat(HostHeader.parse(again)).isEqualTo(host);
  }

  @FuzzTest
  void pathPatterns_matches(FuzzedDataProvider data) {
    String path = data.consumeRemainingAsString();
    if (PATTERNS.matches(path)) {
      assertThat(PathPatterns.isNormal(path)).isTrue();
      assertThat(path).doesNotContain("%", ";", "\\", "//", "/../", "/./")
          .doesNotEndWith("/..").doesNotEndWith("/.");
    }
  }
}
