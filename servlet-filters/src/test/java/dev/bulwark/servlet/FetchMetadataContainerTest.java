package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.fetchmetadata.FetchMetadataPolicy;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.testkit.FakeClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FetchMetadataFilter} over real HTTP in an embedded container: the full matrix of
 * method x {@code Sec-Fetch-Site} x {@code -Mode} x {@code -Dest}, the Origin/Referer fallback,
 * allow-lists, report-only mode and {@code Vary}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FetchMetadataContainerTest {

  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE");
  private static final List<String> SITES =
      List.of("", "same-origin", "same-site", "cross-site", "none");
  private static final List<String> MODES = List.of("", "navigate", "cors", "no-cors");
  private static final List<String> DESTS =
      List.of("", "document", "iframe", "object", "embed", "empty", "image");

  private final FakeClock clock = FakeClock.create();
  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  @BeforeAll
  void startContainer() throws Exception {
    List<EmbeddedContainer.Mount> mounts = List.of(
        new EmbeddedContainer.Mount("strict", new FetchMetadataFilter(), Map.of()),
        new EmbeddedContainer.Mount("lenient", new FetchMetadataFilter(), Map.of(
            "allow-same-site", "true",
            "allowed-paths", "/lenient/webhooks/*",
            "allowed-origins", "https://partner.example.net")),
        new EmbeddedContainer.Mount("report", new FetchMetadataFilter(),
            Map.of("report-only", "true")),
        new EmbeddedContainer.Mount("proxied", new FetchMetadataFilter(),
            Map.of("trusted-proxies", "127.0.0.1/32")),
        EmbeddedContainer.Mount.instance("programmatic", new FetchMetadataFilter(
            FetchMetadataPolicy.builder().allowRequestsWithoutOriginOrReferer().build(),
            ClientResolver.direct())),
        EmbeddedContainer.Mount.instance("flood", new FetchMetadataFilter(
            FetchMetadataPolicy.builder().reportOnly().build(), ClientResolver.direct(),
            clock)));
    container = newContainer();
    port = container.start(mounts, new AppServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  private RawHttp.Response send(String method, String target, String... pairs)
      throws IOException {
    List<List<String>> headers = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].isEmpty()) {
        headers.add(List.of(pairs[i], pairs[i + 1]));
      }
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.add(List.of("Content-Length", "0"));
    }
    RawHttp.Response response = RawHttp.send(port, method, target, "example.com", headers);
    assertThat(response.status()).as("status of %s", response).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return response;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (String method : METHODS) {
      for (String site : SITES) {
        for (String mode : MODES) {
          for (String dest : DESTS) {
            all.add(Arguments.of(method, site, mode, dest));
          }
        }
      }
    }
    return all.stream();
  }

  /**
   * The resource isolation policy restated independently: what the strict and the lenient
   * (same-site allowed) mounts must answer.
   */
  private static boolean expectedAllowed(String method, String site, String mode, String dest,
      boolean sameSiteAllowed) {
    switch (site) {
      case "" -> {
        return method.equals("GET") || method.equals("HEAD"); // no Origin/Referer sent
      }
      case "same-origin", "none" -> {
        return true;
      }
      case "same-site" -> {
        if (sameSiteAllowed) {
          return true;
        }
      }
      default -> { }
    }
    return method.equals("GET") && mode.equals("navigate")
        && !dest.equals("object") && !dest.equals("embed");
  }

  @ParameterizedTest(name = "{0} site={1} mode={2} dest={3}")
  @MethodSource("matrix")
  void matrix_strictAndLenient(String method, String site, String mode, String dest)
      throws IOException {
    for (String mount : List.of("strict", "lenient")) {
      RawHttp.Response response = send(method, "/" + mount + "/x",
          "Sec-Fetch-Site", site, "Sec-Fetch-Mode", mode, "Sec-Fetch-Dest", dest);
      boolean allowed = expectedAllowed(method, site, mode, dest, mount.equals("lenient"));
      if (allowed) {
        assertThat(response.status()).as("%s: %s", mount, response).isEqualTo(200);
        if (!method.equals("HEAD")) {
          assertThat(response.body()).isEqualTo(AppServlet.BODY);
        }
      } else if (method.equals("HEAD")) {
        assertThat(response.status()).as("%s: %s", mount, response).isEqualTo(403);
        assertThat(response.body()).isEmpty();
      } else {
        assertProblem(response);
      }
      if (method.equals("GET") || method.equals("HEAD")) {
        assertThat(response.tokens("Vary")).as("Vary of %s", response)
            .contains("sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest")
            .doesNotHaveDuplicates();
      }
    }
  }

  private static void assertProblem(RawHttp.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(403);
    assertThat(response.combined("Content-Type").toLowerCase(Locale.ROOT))
        .startsWith("application/problem+json");
    assertThat(response.body()).startsWith("{").endsWith("}").contains("\"status\":403")
        .contains("Fetch Metadata rejected");
  }

  @Test
  void fallback_sameOriginOrigin_isAccepted() throws IOException {
    assertThat(send("POST", "/strict/x", "Origin", "http://example.com").status())
        .isEqualTo(200);
  }

  @Test
  void fallback_sameOriginReferer_isAccepted() throws IOException {
    assertThat(send("POST", "/strict/x", "Referer", "http://example.com/form?a=1").status())
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "http://evil.example", "null",
      "http://example.com.evil.example", "garbage"})
  void fallback_otherOrigin_isRejected(String origin) throws IOException {
    RawHttp.Response response = send("POST", "/strict/x", "Origin", origin);
    assertProblem(response);
    assertThat(response.body()).doesNotContain("evil");
  }

  @Test
  void fallback_crossOriginReferer_isRejected() throws IOException {
    assertProblem(send("DELETE", "/strict/x", "Referer", "http://evil.example/x"));
  }

  @Test
  void fallback_noSource_isRejectedUnlessConfigured() throws IOException {
    assertProblem(send("POST", "/strict/x"));
    assertThat(send("POST", "/programmatic/x").status()).isEqualTo(200);
  }

  @Test
  void fallback_forwardedOwnOriginFromTrustedProxy_isAccepted() throws IOException {
    RawHttp.Response response = send("POST", "/proxied/x", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "app.example.com", "Origin", "https://app.example.com");
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void fallback_forwardedHeadersFromUntrustedPeer_meanNothing() throws IOException {
    // The strict mount trusts no proxy: its own origin stays http://example.com.
    assertProblem(send("POST", "/strict/x", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "app.example.com", "Origin", "https://app.example.com"));
  }

  @Test
  void allowedPath_acceptsCrossSitePost() throws IOException {
    assertThat(send("POST", "/lenient/webhooks/stripe", "Sec-Fetch-Site", "cross-site",
        "Sec-Fetch-Mode", "no-cors").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/lenient/webhooks/../x", "/lenient/webhooks/..%2fx",
      "/lenient/webhooks;a/../x", "/lenient/webhooks%2f..%2fx"})
  void allowedPath_smuggled_isNotAccepted(String path) throws IOException {
    RawHttp.Response response = send("POST", path, "Sec-Fetch-Site", "cross-site",
        "Sec-Fetch-Mode", "no-cors");
    // Refused by the filter, or by the container before it; never served.
    assertThat(response.status()).as("%s", response).isIn(400, 403, 404);
    assertThat(response.body()).isNotEqualTo(AppServlet.BODY);
  }

  @Test
  void allowedOrigin_acceptsCrossSiteCors() throws IOException {
    assertThat(send("PUT", "/lenient/x", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
        "cors", "Origin", "https://partner.example.net").status()).isEqualTo(200);
    assertProblem(send("PUT", "/lenient/x", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
        "cors", "Origin", "https://other.example.net"));
  }

  @Test
  void reportOnly_passesRejectedRequest() throws IOException {
    RawHttp.Response response = send("POST", "/report/x", "Sec-Fetch-Site", "cross-site",
        "Sec-Fetch-Mode", "no-cors");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(AppServlet.BODY);
  }

  @Test
  void reportOnly_flood_logsOneLinePerIntervalWithTheSuppressedCount() throws IOException {
    Logger logger = Logger.getLogger("dev.bulwark.servlet.FetchMetadataFilter");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      for (int i = 0; i < 50; i++) {
        assertThat(send("POST", "/flood/x", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
            "no-cors").status()).isEqualTo(200);
      }
      assertThat(lines).as("the first report only").hasSize(1);
      assertThat(lines.get(0)).startsWith("report-only: ").doesNotContain("more reports");

      clock.advance(FetchMetadataFilter.REPORT_LOG_INTERVAL.minusMillis(1));
      send("POST", "/flood/x", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
      assertThat(lines).as("still within the interval").hasSize(1);

      clock.advance(java.time.Duration.ofMillis(1));
      send("POST", "/flood/x", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
      assertThat(lines).hasSize(2);
      assertThat(lines.get(1)).contains("(and 50 more reports not logged since the previous");
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void application_overwritingVary_keepsFetchMetadataTokens() throws IOException {
    RawHttp.Response response = send("GET", "/strict/x", "Sec-Fetch-Site", "same-origin",
        AppServlet.APP_VARY, "Accept-Encoding");
    assertThat(response.tokens("Vary")).contains("sec-fetch-site", "accept-encoding")
        .doesNotHaveDuplicates();
  }

  @Test
  void unfilteredPath_isNotChecked() throws IOException {
    assertThat(send("POST", "/unfiltered/x", "Sec-Fetch-Site", "cross-site").status())
        .isEqualTo(200);
  }
}
