package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one path rule ({@code ServletRequestView}) over real HTTP: every filter matches patterns
 * on the routing path, an exemption never applies to an ambiguous raw path, and a pattern that
 * adds protection still matches odd spellings of its path. Each spelling below is sent through
 * every filter; a 400 is accepted only when the container itself refused the request (no
 * problem+json body, so no Bulwark decision).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PathRuleContainerTest {

  /** Spellings of {@code <mount>/health} (or near it) that must not be exempt. */
  private static final List<String> NOT_EXEMPT = List.of(
      "/health;x=y", "/health;", "/other/../health", "/other/..;/health", "/./health",
      "/other/%2e%2e/health", "/%2e/health", "/heal%74h", "/HEALTH", "//health", "/health/",
      "%2Fhealth", "/other%2F..%2Fhealth", "/other\\..\\health", "/health%00", "/health%2500");

  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  @BeforeAll
  void startContainer() throws Exception {
    container = newContainer();
    port = container.start(List.of(
        EmbeddedContainer.Mount.instance("https", new HttpsRedirectFilter(), Map.of(
            "allowed-hosts", "example.com", "exclude-paths", "/https/health")),
        EmbeddedContainer.Mount.instance("csrf", new FetchMetadataFilter(), Map.of(
            "allowed-paths", "/csrf/health")),
        EmbeddedContainer.Mount.instance("headers", new SecurityHeadersFilter(), Map.of(
            "no-store-paths", "/headers/account/*")),
        EmbeddedContainer.Mount.instance("limit", new RateLimitFilter(), Map.of(
            "limit", "1", "period", "PT1H", "paths", "/limit/login"))),
        new AppServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  private RawHttp.Response send(String method, String target, String... pairs)
      throws IOException {
    return RawHttp.send(port, method, target, "example.com", RawHttp.pairs(pairs));
  }

  /** The filter's own answer, or a 400 of the container (which never reached the filter). */
  private static void assertEnforced(RawHttp.Response response, int status) {
    if (response.status() == 400) {
      assertThat(response.combined("Content-Type")).as("a container's 400, not Bulwark's: %s",
          response).doesNotContain("problem+json");
      return;
    }
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  @Test
  void https_exactExclusion_isServedOnPlainHttp() throws IOException {
    assertThat(send("GET", "/https/health").status()).isEqualTo(200);
    assertThat(send("GET", "/https/other").status()).as("the control").isEqualTo(308);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void https_oddSpelling_isRedirectedNotExcluded(int spelling) throws IOException {
    assertEnforced(send("GET", "/https" + NOT_EXEMPT.get(spelling)), 308);
  }

  @Test
  void csrf_allowedPath_acceptsCrossSite() throws IOException {
    assertThat(send("POST", "/csrf/health", "Sec-Fetch-Site", "cross-site").status())
        .isEqualTo(200);
    assertThat(send("POST", "/csrf/other", "Sec-Fetch-Site", "cross-site").status())
        .as("the control").isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void csrf_oddSpelling_isRefusedCrossSite(int spelling) throws IOException {
    assertEnforced(send("POST", "/csrf" + NOT_EXEMPT.get(spelling),
        "Sec-Fetch-Site", "cross-site"), 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/account/x", "/account;v=1/x", "/account/./x", "/acc%6Funt/x",
      "/other/../account/x", "/account/x;jsessionid=1"})
  void headers_noStorePath_oddSpelling_stillGetsNoStore(String path) throws IOException {
    RawHttp.Response response = send("GET", "/headers" + path);

    if (response.status() != 400) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.values("Cache-Control")).as(response.toString())
          .containsExactly("no-store");
    }
  }

  @Test
  void headers_otherPath_getsNoNoStore() throws IOException {
    assertThat(send("GET", "/headers/accountx").values("Cache-Control")).isEmpty();
  }

  @Test
  void rateLimit_limitedPath_oddSpellingsShareTheLimit() throws IOException {
    assertThat(send("POST", "/limit/login").status()).isEqualTo(200);
    assertThat(send("POST", "/limit/login").status()).isEqualTo(429);

    for (String path : List.of("/limit/login;x=y", "/limit/./login", "/limit/logi%6E",
        "/limit/other/../login", "/limit/login;")) {
      assertEnforced(send("POST", path), 429);
    }
    assertThat(send("POST", "/limit/other").status()).as("the control").isEqualTo(200);
  }
}
