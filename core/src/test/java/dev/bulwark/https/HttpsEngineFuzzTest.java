package dev.bulwark.https;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.ResolutionListener;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.WebRequest;

/**
 * Fuzz contract for the redirect builder: {@link HttpsEngine#decide} never throws, and a
 * {@code Location} always starts with an allow-listed {@code https://} origin and holds only
 * visible ASCII without backslash or fragment. Regression mode in {@code verify}.
 */
class HttpsEngineFuzzTest {

  private static final HttpsEngine ENGINE = HttpsEngine.of(HttpsPolicy.builder()
      .allowHosts("example.com", "www.example.com").mapPort(8080, 8443)
      .excludePaths("/healthz", "/.well-known/acme-challenge/*").build(),
      ClientResolver.of(TrustedProxies.builder().trust("10.0.0.0/8").build(),
          ResolutionListener.silent()));

  @FuzzTest
  void decide_anyRequest_redirectsOnlyToAllowedHosts(FuzzedDataProvider data) {
    WebRequest request = WebRequest.http()
        .from(data.consumeBoolean() ? "10.0.0.5" : "198.51.100.7")
        .method(data.pickValue(new String[] {"GET", "HEAD", "POST", "PUT"}));
    if (data.consumeBoolean()) {
      request = request.host(data.consumeString(80));
    }
    int extra = data.consumeInt(0, 3);
    for (int i = 0; i < extra; i++) {
      request = request.with(data.pickValue(new String[] {"Host", "X-Forwarded-Proto",
          "X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Port"}), data.consumeString(60));
    }
    String query = data.consumeBoolean() ? data.consumeString(200) : null;
    request = request.target(data.consumeRemainingAsString(), query);

    RedirectDecision decision = ENGINE.decide(request);
    String location = decision.location();
    if (decision.kind() == RedirectDecision.Kind.REDIRECT) {
      assertThat(location).isNotNull();
      assertThat(location.startsWith("https://example.com/")
          || location.startsWith("https://example.com:8443/")
          || location.startsWith("https://www.example.com/")
          || location.startsWith("https://www.example.com:8443/")).isTrue();
      assertThat(location.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '#'))
          .isTrue();
      assertThat(decision.status()).isIn(301, 307, 308);
    } else {
      assertThat(location).isNull();
    }
  }
}
