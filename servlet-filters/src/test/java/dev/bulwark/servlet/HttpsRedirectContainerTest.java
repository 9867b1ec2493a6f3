package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.https.HttpsPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HttpsRedirectFilter} over real HTTP in an embedded container: redirects, Host-header
 * injection, spoofed {@code X-Forwarded-Proto}, exclusions and HSTS. The container listens on
 * plain HTTP at 127.0.0.1, so "secure" can only come from a trusted proxy's header: the
 * {@code proxied} mount trusts 127.0.0.1, the {@code direct} mount trusts nobody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpsRedirectContainerTest {

  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  @BeforeAll
  void startContainer() throws Exception {
    List<EmbeddedContainer.Mount> mounts = List.of(
        // Configured by the container from init-params (the instance has no engine yet).
        new EmbeddedContainer.Mount("direct", new HttpsRedirectFilter(), Map.of(
            "allowed-hosts", "example.com www.example.com",
            "port-map", "8080:8443",
            "exclude-paths", "/direct/healthz /direct/.well-known/acme-challenge/*")),
        new EmbeddedContainer.Mount("proxied", new HttpsRedirectFilter(), Map.of(
            "allowed-hosts", "example.com", "trusted-proxies", "127.0.0.1/32",
            "hsts-preload", "true")),
        EmbeddedContainer.Mount.instance("moved", new HttpsRedirectFilter(
            HttpsPolicy.builder().allowHosts("example.com").status(301).build(),
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

  private RawHttp.Response send(String method, String target, String host, String... pairs)
      throws IOException {
    RawHttp.Response response = sendUnchecked(method, target, host, pairs);
    assertThat(response.status()).as("status of %s", response).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return response;
  }

  /**
   * Sends without checking the body: a container may refuse a malformed request line or Host
   * itself, before any filter runs, with its own error page (Tomcat's default error report
   * shows the parser's exception; {@code ErrorReportValve showReport=false} turns it off).
   */
  private RawHttp.Response sendUnchecked(String method, String target, String host,
      String... pairs) throws IOException {
    List<List<String>> headers = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(List.of(pairs[i], pairs[i + 1]));
    }
    return RawHttp.send(port, method, target, host, headers);
  }

  @Test
  void plainGet_isRedirectedWith308_pathAndQueryKept() throws IOException {
    RawHttp.Response response = send("GET", "/direct/a/b?x=1&y=%20", "example.com");
    assertThat(response.status()).isEqualTo(308);
    assertThat(response.combined("Location")).isEqualTo("https://example.com/direct/a/b?x=1&y=%20");
    assertThat(response.values("Strict-Transport-Security")).isEmpty();
    assertThat(response.body()).isEmpty();
  }

  @Test
  void plainPost_keepsMethodWith308() throws IOException {
    RawHttp.Response response = send("POST", "/direct/form", "www.example.com",
        "Content-Length", "0");
    assertThat(response.status()).isEqualTo(308);
    assertThat(response.combined("Location")).isEqualTo("https://www.example.com/direct/form");
  }

  @Test
  void mappedPort_isRedirectedToItsHttpsPort() throws IOException {
    RawHttp.Response response = send("GET", "/direct/x", "example.com:8080");
    assertThat(response.combined("Location")).isEqualTo("https://example.com:8443/direct/x");
  }

  @Test
  void status301Option_appliesToGetOnly() throws IOException {
    assertThat(send("GET", "/moved/x", "example.com").status()).isEqualTo(301);
    assertThat(send("POST", "/moved/x", "example.com", "Content-Length", "0").status())
        .isEqualTo(308);
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "example.com.evil.example", "127.0.0.1",
      "evil.example:8080"})
  void foreignHost_isRejectedWith400_neverRedirected(String host) throws IOException {
    RawHttp.Response response = send("GET", "/direct/x", host);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.values("Location")).isEmpty();
    assertThat(response.combined("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).contains("HOST_NOT_ALLOWED").doesNotContain("evil");
  }

  /** Malformed Host values: the container or the filter answers 400, nobody redirects. */
  @ParameterizedTest
  @ValueSource(strings = {"user@example.com", "evil.example@example.com", "example.com/evil",
      "example.com:99999", "exa_mple.com", "example.com\\evil.example", "example.com."})
  void malformedHost_is400WithoutLocation(String host) throws IOException {
    RawHttp.Response response = sendUnchecked("GET", "/direct/x", host);
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.body()).doesNotContain("at dev.bulwark.");
    assertThat(response.values("Location")).isEmpty();
  }

  @Test
  void duplicateHost_is400WithoutLocation() throws IOException {
    RawHttp.Response response =
        sendUnchecked("GET", "/direct/x", "example.com", "Host", "evil.example");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.values("Location")).isEmpty();
  }

  @Test
  void encodedSlashesAndBackslashInPath_stayInThePath() throws IOException {
    RawHttp.Response response =
        sendUnchecked("GET", "/direct//evil.example/%2F%2Fx", "example.com");
    if (response.status() == 308) {
      assertThat(response.combined("Location")).startsWith("https://example.com/direct/");
    } else {
      assertThat(response.status()).isEqualTo(400);
    }
  }

  @Test
  void excludedPaths_passOnPlainHttpWithoutHsts() throws IOException {
    for (String path : List.of("/direct/healthz", "/direct/.well-known/acme-challenge/t0k3n")) {
      RawHttp.Response response = send("GET", path, "10.1.2.3");
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).isEqualTo(AppServlet.BODY);
      assertThat(response.values("Strict-Transport-Security")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/direct/healthz/../admin", "/direct/healthz;x=1",
      "/direct/.well-known/acme-challenge/..%2f..%2fadmin", "/direct/healthz%2f..%2fadmin"})
  void smuggledExcludedPath_isNotServedOnPlainHttp(String path) throws IOException {
    RawHttp.Response response = sendUnchecked("GET", path, "example.com");
    // Redirected by the filter, or refused by the container; never served on plain HTTP.
    assertThat(response.status()).as("%s", response).isIn(308, 400, 404);
    assertThat(response.body()).isNotEqualTo(AppServlet.BODY);
    if (response.status() == 308) {
      assertThat(response.combined("Location")).startsWith("https://example.com/direct/");
    }
  }

  @Test
  void untrustedPeer_spoofedForwardedProto_isRedirected() throws IOException {
    RawHttp.Response response = send("GET", "/direct/x", "example.com",
        "X-Forwarded-Proto", "https");
    assertThat(response.status()).isEqualTo(308);
    assertThat(response.values("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void trustedProxy_forwardedProtoHttps_isServedWithHsts() throws IOException {
    RawHttp.Response response = send("GET", "/proxied/x", "backend.internal",
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "example.com");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(AppServlet.BODY);
    assertThat(response.combined("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000; includeSubDomains; preload");
  }

  @Test
  void trustedProxy_forwardedProtoHttp_isRedirectedToForwardedHost() throws IOException {
    RawHttp.Response response = send("GET", "/proxied/x?q", "backend.internal",
        "X-Forwarded-Proto", "http", "X-Forwarded-Host", "example.com");
    assertThat(response.status()).isEqualTo(308);
    assertThat(response.combined("Location")).isEqualTo("https://example.com/proxied/x?q");
  }

  @Test
  void trustedProxy_forwardedHostNotAllowed_isRejected() throws IOException {
    RawHttp.Response response = send("GET", "/proxied/x", "example.com",
        "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.values("Location")).isEmpty();
  }

  @Test
  void problemBody_isCleanJson() throws IOException {
    RawHttp.Response response = send("GET", "/direct/x", "evil.example");
    assertThat(response.combined("Content-Type").toLowerCase(Locale.ROOT))
        .startsWith("application/problem+json");
    assertThat(response.body()).startsWith("{").endsWith("}").contains("\"status\":400");
  }
}
