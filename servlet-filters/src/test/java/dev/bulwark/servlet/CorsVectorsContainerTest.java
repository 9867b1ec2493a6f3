package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.testkit.cors.CorsVector;
import dev.bulwark.testkit.cors.CorsVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs Bulwark's CORS conformance vectors through {@link CorsFilter} in a real container over
 * real HTTP/1.1 on 127.0.0.1. One container per subclass; every policy of the vector file is
 * mounted once, at {@code /<policy>/*}, as a filter configured from init-params.
 *
 * <p>Over HTTP the decision's kind and reason are not visible; what is checked is what a
 * browser or a cache sees: status, body, the expected headers and {@code Vary}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorsVectorsContainerTest {

  /** The programmatic filter ({@code new CorsFilter(policy, resolver)}) is mounted here. */
  private static final String PROGRAMMATIC = "programmatic";

  private EmbeddedContainer container;
  private int port;

  /** A fresh, not yet started container. */
  abstract EmbeddedContainer newContainer();

  /** Part of the file name of the jar the jakarta.servlet classes must come from. */
  abstract String servletApiJar();

  @BeforeAll
  void startContainer() throws Exception {
    Map<String, Map<String, String>> policies = new LinkedHashMap<>();
    CorsVectors.all().forEach(v -> policies.putIfAbsent(v.policyName(), v.settings()));
    List<EmbeddedContainer.Mount> mounts = new ArrayList<>();
    policies.forEach(
        (name, settings) -> mounts.add(EmbeddedContainer.Mount.initParams(name, settings)));
    mounts.add(EmbeddedContainer.Mount.instance(PROGRAMMATIC, new CorsFilter(
        CorsPolicy.builder().allowOrigins("https://app.example.com").allowMethods("GET", "PUT")
            .build(),
        ClientResolver.direct())));
    container = newContainer();
    port = container.start(mounts, new AppServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  /** Every vector that can travel over HTTP/1.1 unchanged. */
  static Stream<CorsVector> httpVectors() {
    return CorsVectors.all().stream().filter(v -> !v.engineOnly());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpVectors")
  void vector_holdsOverHttp(CorsVector vector) throws IOException {
    List<List<String>> headers = new ArrayList<>(vector.headers());
    if (vector.applicationVary() != null) {
      headers.add(List.of(AppServlet.APP_VARY, vector.applicationVary()));
    }
    RawHttp.Response response = RawHttp.send(port, vector.method(),
        "/" + vector.policyName() + "/" + vector.name(), vector.host(), headers);

    assertNoServerError(response);
    switch (vector.expectedStatus()) {
      case 0 -> {
        assertThat(response.status()).as("status: passed to the application").isEqualTo(200);
        assertThat(response.body()).as("body").isEqualTo(AppServlet.BODY);
      }
      case 204 -> {
        assertThat(response.status()).as("status: preflight answered").isEqualTo(204);
        assertThat(response.body()).as("body of 204").isEmpty();
      }
      case 403 -> assertProblem(response, vector);
      default -> throw new AssertionError("unexpected status in vector " + vector.expectedStatus());
    }
    for (Map.Entry<String, String> expected : vector.expectedHeaders().entrySet()) {
      assertThat(response.combined(expected.getKey()))
          .as("%s in %s", expected.getKey(), response)
          .isEqualTo(expected.getValue());
    }
    assertVaryOnce(response, vector.expectedVary());
  }

  @Test
  void engineOnlyVectors_areExactlyThoseThatCannotTravelOverHttp() {
    List<String> engineOnly = new ArrayList<>();
    for (CorsVector vector : CorsVectors.all()) {
      boolean sendable = vector.headers().stream()
          .allMatch(h -> RawHttp.isSendable(h.get(0)) && RawHttp.isSendable(h.get(1)));
      assertThat(vector.engineOnly()).as("engineOnly of %s", vector.name()).isEqualTo(!sendable);
      if (vector.engineOnly()) {
        engineOnly.add(vector.name());
      }
    }
    // Listed so a new engine-only vector is a visible change, not a silent skip.
    assertThat(engineOnly).containsExactly(
        "crlf-injection", "idn-lookalike-unicode", "kelvin-sign-not-folded");
  }

  @Test
  void servletApi_comesFromOneConsistentJar() {
    // The surefire executions split the classpath; prove each container got its own API.
    assertThat(jakarta.servlet.Filter.class.getProtectionDomain().getCodeSource().getLocation()
        .toString()).contains(servletApiJar());
  }

  @Test
  void programmaticFilter_allowedOrigin_getsCorsHeaders() throws IOException {
    RawHttp.Response response = send("GET", PROGRAMMATIC, "Origin", "https://app.example.com");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(AppServlet.BODY);
    assertThat(response.combined("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertVaryOnce(response, List.of("Origin"));
  }

  @Test
  void programmaticFilter_preflight_isAnswered() throws IOException {
    RawHttp.Response response = send("OPTIONS", PROGRAMMATIC,
        "Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.combined("Access-Control-Allow-Methods")).isEqualTo("GET, PUT");
    assertVaryOnce(response,
        List.of("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"));
  }

  @Test
  void programmaticFilter_disallowedPreflight_isRejectedWithProblem() throws IOException {
    RawHttp.Response response = send("OPTIONS", PROGRAMMATIC,
        "Origin", "https://evil.example.net", "Access-Control-Request-Method", "PUT");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("\"status\":403").doesNotContain("evil.example.net");
    assertThat(response.combined("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void application_overwritingVary_keepsOriginAndItsOwnToken() throws IOException {
    RawHttp.Response response = send("GET", "strict",
        "Origin", "https://app.example.com", AppServlet.APP_VARY, "Accept-Encoding");

    assertThat(response.status()).isEqualTo(200);
    assertVaryOnce(response, List.of("Origin", "Accept-Encoding"));
  }

  @Test
  void application_overwritingVary_onNonCorsRequest_keepsOrigin() throws IOException {
    RawHttp.Response response = send("GET", "strict", AppServlet.APP_VARY, "Accept-Language");

    assertThat(response.status()).isEqualTo(200);
    assertVaryOnce(response, List.of("Origin", "Accept-Language"));
  }

  @Test
  void application_varyStar_replacesTheList() throws IOException {
    RawHttp.Response response = send("GET", "strict",
        "Origin", "https://app.example.com", AppServlet.APP_VARY, "*");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.tokens("Vary")).containsExactly("*");
  }

  @Test
  void unfilteredPath_reachesApplicationWithoutCorsHeaders() throws IOException {
    RawHttp.Response response = send("GET", "unfiltered", "Origin", "https://app.example.com");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(AppServlet.BODY);
    assertThat(response.combined("Access-Control-Allow-Origin")).isNull();
    assertThat(response.values("Vary")).isEmpty();
  }

  /** Sends to {@code /<mount>/x} with Host api.example.com; checks for a server error. */
  private RawHttp.Response send(String method, String mount, String... nameValuePairs)
      throws IOException {
    List<List<String>> headers = new ArrayList<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      headers.add(List.of(nameValuePairs[i], nameValuePairs[i + 1]));
    }
    RawHttp.Response response =
        RawHttp.send(port, method, "/" + mount + "/x", "api.example.com", headers);
    assertNoServerError(response);
    return response;
  }

  private static void assertNoServerError(RawHttp.Response response) {
    assertThat(response.status()).as("status of %s", response).isLessThan(500);
    assertThat(response.body()).as("body")
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at dev.bulwark.")
        .doesNotContainIgnoringCase("stack trace");
  }

  private static void assertProblem(RawHttp.Response response, CorsVector vector) {
    assertThat(response.status()).as("status: rejected, in %s", response).isEqualTo(403);
    String contentType = response.combined("Content-Type");
    assertThat(contentType).as("Content-Type").isNotNull();
    assertThat(contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .as("Content-Type").isEqualTo("application/problem+json");
    assertThat(response.body()).as("problem body")
        .startsWith("{").endsWith("}").contains("\"status\":403");
    for (List<String> header : vector.headers()) {
      if (header.get(0).equalsIgnoreCase("Origin") && !header.get(1).isBlank()) {
        assertThat(response.body()).as("problem body reflects no Origin")
            .doesNotContain(header.get(1));
      }
    }
  }

  private static void assertVaryOnce(RawHttp.Response response, List<String> expected) {
    List<String> tokens = response.tokens("Vary");
    for (String token : expected) {
      assertThat(tokens).as("Vary tokens in %s", response.values("Vary"))
          .containsOnlyOnce(token.toLowerCase(Locale.ROOT));
    }
    assertThat(tokens).as("no Vary token twice in %s", response.values("Vary"))
        .doesNotHaveDuplicates();
  }
}
