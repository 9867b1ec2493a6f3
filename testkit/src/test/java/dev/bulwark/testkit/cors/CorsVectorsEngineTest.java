package dev.bulwark.testkit.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cors.CorsDecision;
import dev.bulwark.cors.CorsEngine;
import dev.bulwark.cors.CorsSettings;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.HeaderTokens;
import dev.bulwark.testkit.http.FakeRequest;
import dev.bulwark.testkit.http.FakeResponseHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every conformance vector against the CORS engine. */
class CorsVectorsEngineTest {

  @Test
  void vectors_areManyAndUniquelyNamed() {
    List<CorsVector> all = CorsVectors.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    Set<String> names = new HashSet<>();
    all.forEach(v -> assertThat(names.add(v.name())).as("duplicate name %s", v.name()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.bulwark.testkit.cors.CorsVectors#invalidPolicies")
  void invalidPolicy_isRefusedAtStartUp(CorsVectors.InvalidPolicy invalid) {
    assertThatThrownBy(() -> {
      CorsSettings settings = CorsSettings.of(invalid.settings());
      settings.trustedProxies();
      settings.policy();
    }).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> invalid.messageContains()
            .forEach(text -> assertThat(e.getMessage()).contains(text)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.bulwark.testkit.cors.CorsVectors#all")
  void vector_holdsForEngine(CorsVector vector) {
    CorsSettings settings = CorsSettings.of(vector.settings());
    CorsEngine engine = CorsEngine.of(settings.policy(),
        ClientResolver.of(settings.trustedProxies(), (problem, peer) -> { }));
    FakeRequest.Builder builder = FakeRequest.request(vector.method(), "http://placeholder/")
        .authority(vector.host())
        .remoteAddress(vector.remoteAddress());
    vector.headers().forEach(h -> builder.header(h.get(0), h.get(1)));

    CorsDecision decision = engine.decide(builder.build());
    FakeResponseHeaders response = new FakeResponseHeaders();
    decision.writeHeaders(response);
    if (vector.applicationVary() != null) {
      // What VaryPreservingResponse does when the application sets Vary after the filter.
      List<String> tokens = new ArrayList<>();
      for (String t : vector.applicationVary().split(",")) {
        tokens.add(t.strip());
      }
      HeaderTokens.mergeInto(response, "Vary", tokens.toArray(String[]::new));
    }

    assertThat(decision.kind().name()).as("kind").isEqualTo(vector.expectedKind());
    assertThat(decision.reason().name()).as("reason").isEqualTo(vector.expectedReason());
    assertThat(decision.status()).as("status").isEqualTo(vector.expectedStatus());
    for (Map.Entry<String, String> e : vector.expectedHeaders().entrySet()) {
      assertThat(response.combined(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    List<String> vary = new ArrayList<>();
    String combined = response.combined("Vary");
    if (combined != null) {
      for (String t : combined.split(",")) {
        vary.add(t.strip().toLowerCase(Locale.ROOT));
      }
    }
    for (String token : vector.expectedVary()) {
      assertThat(vary).as("Vary " + combined).containsOnlyOnce(token.toLowerCase(Locale.ROOT));
    }
    assertThat(new HashSet<>(vary)).as("no duplicate Vary tokens in " + combined)
        .hasSize(vary.size());
  }
}
