package dev.bulwark.fetchmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.Origin;
import dev.bulwark.http.WebRequest;

/**
 * Fuzz contracts for the Sec-Fetch-*, Origin and Referer parsing: {@link FetchMetadataEngine}
 * never throws, and an unsafe cross-site request is never accepted;
 * {@code refererOrigin} returns null or an origin that re-parses to itself. Regression mode
 * in {@code verify}.
 */
class FetchMetadataFuzzTest {

  private static final FetchMetadataEngine ENGINE = FetchMetadataEngine.of(
      FetchMetadataPolicy.builder().build(), ClientResolver.direct());

  private static final String[] NAMES =
      {"Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Origin", "Referer"};

  @FuzzTest
  void decide_anyHeaders_neverThrows(FuzzedDataProvider data) {
    WebRequest request = WebRequest.http().https()
        .method(data.pickValue(new String[] {"GET", "POST", "PUT", "DELETE"}));
    int lines = data.consumeInt(0, 6);
    for (int i = 0; i < lines; i++) {
      request = request.with(data.pickValue(NAMES), data.consumeString(120));
    }
    request = request.target(data.consumeRemainingAsString(), null);
    FetchMetadataDecision decision = ENGINE.decide(request);
    if (decision.kind() == FetchMetadataDecision.Kind.ALLOWED
        && !request.method().equals("GET")) {
      // An unsafe request is accepted only on same-origin/none/same-source evidence.
      assertThat(decision.basis()).isIn(FetchMetadataDecision.Basis.SAME_ORIGIN,
          FetchMetadataDecision.Basis.USER_INITIATED,
          FetchMetadataDecision.Basis.SAME_ORIGIN_SOURCE);
    }
  }

  @FuzzTest
  void refererOrigin_anyText_returnsOriginOrNull(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Origin origin = FetchMetadataEngine.refererOrigin(text);
    if (origin != null) {
      assertThat(Origin.parse(origin.serialized())).isEqualTo(origin);
    }
  }
}
