package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.headers.SecurityHeadersPolicies;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SecurityHeadersFilter} configured by init-params, in a container that adds
 * {@code X-Powered-By} itself and has error pages registered (as {@code <error-page>} would):
 * 404, 500 and {@code ServletException} go to {@code /error-page}, which the application serves
 * on an ERROR dispatch the filter is not mapped for. Mounts: {@code /rec/*} no init-params
 * (the recommended preset), {@code /conf/*} many init-params; nothing on {@code /bare/*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityHeadersConfiguredContainerTest {

  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer(EmbeddedContainer.Options options);

  /**
   * Whether the container adds its {@code X-Powered-By} (and {@code Server}) while it writes the
   * response head, below the Servlet API, where no filter can reach it (Jetty); Tomcat adds it
   * to the response before the filters run.
   */
  abstract boolean addsPoweredByBelowTheServletApi();

  private void assertNoPoweredBy(RawHttp.Response response) {
    List<String> values = response.values("X-Powered-By");
    assertThat(values).as(response.toString()).doesNotContain("Servlet/6.0", "JSP/3.1");
    if (addsPoweredByBelowTheServletApi()) {
      // Only the container's own value, which its configuration turns off (docs/headers.md).
      assertThat(values).as(response.toString()).allMatch(v -> v.startsWith("Jetty("));
    } else {
      assertThat(values).as(response.toString()).isEmpty();
    }
  }

  @BeforeAll
  void startContainer() throws Exception {
    container = newContainer(new EmbeddedContainer.Options(Map.of(
        404, "/error-page", 500, "/error-page", ServletException.class, "/error-page"), true));
    port = container.start(List.of(
        EmbeddedContainer.Mount.instance("rec", new SecurityHeadersFilter(), Map.of()),
        EmbeddedContainer.Mount.instance("conf", new SecurityHeadersFilter(), Map.of(
            "csp-nonce", "true",
            "frame-options", "deny",
            "referrer-policy", "strict-origin-when-cross-origin",
            "permissions-policy", "camera=(), geolocation=(self)",
            "coep", "credentialless",
            "reporting-endpoints", "csp=https://reports.example.com/csp",
            "report-to", "csp",
            "no-store-paths", "/conf/account/*",
            "clear-site-data-paths", "/conf/logout",
            "remove-headers", "Server"))),
        new HeadersAppServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  private RawHttp.Response get(String path) throws IOException {
    return RawHttp.send(port, "GET", path, "127.0.0.1:" + port, List.of());
  }

  @Test
  void poweredBy_withoutTheFilter_isSentByTheContainer() throws IOException {
    // The control: proves the container really adds the header the filter must strip.
    assertThat(get("/bare/ok").values("X-Powered-By")).isNotEmpty();
  }

  @Test
  void poweredBy_addedByTheContainer_isStripped() throws IOException {
    RawHttp.Response response = get("/rec/ok");

    assertThat(response.status()).isEqualTo(200);
    assertNoPoweredBy(response);
  }

  @Test
  void poweredBy_addedByTheApplicationToo_isStripped() throws IOException {
    RawHttp.Response response = get("/rec/powered");

    assertThat(response.body()).isEqualTo("powered");
    assertNoPoweredBy(response);
    assertThat(response.values("Server")).as("not removed by this mount").contains("App/1.0");
  }

  @Test
  void removeHeaders_serverSetByTheApplication_isDropped() throws IOException {
    RawHttp.Response response = get("/conf/powered");

    assertThat(response.body()).isEqualTo("powered");
    assertThat(response.values("Server")).doesNotContain("App/1.0");
    assertNoPoweredBy(response);
  }

  @Test
  void initParams_overHttp_shapeTheHeaders() throws IOException {
    RawHttp.Response response = get("/conf/ok");

    assertThat(response.status()).isEqualTo(200);
    assertThat(SecurityHeadersContainerTest.nonceOf(response)).isEqualTo(response.body());
    assertThat(response.combined("Content-Security-Policy"))
        .startsWith("default-src 'self';").endsWith("; report-to csp");
    assertThat(response.values("X-Frame-Options")).containsExactly("DENY");
    assertThat(response.values("Referrer-Policy"))
        .containsExactly("strict-origin-when-cross-origin");
    assertThat(response.values("Permissions-Policy"))
        .containsExactly("camera=(), geolocation=(self)");
    assertThat(response.values("Cross-Origin-Embedder-Policy")).containsExactly("credentialless");
    assertThat(response.values("Reporting-Endpoints"))
        .containsExactly("csp=\"https://reports.example.com/csp\"");
    assertNoPoweredBy(response);
    assertThat(response.values("Cache-Control")).isEmpty();
  }

  @Test
  void initParams_profiles_onTheirPaths() throws IOException {
    assertThat(get("/conf/account/ok").values("Cache-Control")).containsExactly("no-store");
    assertThat(get("/conf/logout").values("Clear-Site-Data"))
        .containsExactly("\"cache\", \"cookies\", \"storage\"");
  }

  @ParameterizedTest
  @CsvSource({"not-found,404", "boom,500", "throw,500"})
  void errorPage_recommended_carriesEveryHeader(String action, int status) throws IOException {
    RawHttp.Response response = get("/rec/" + action);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).as("served by the registered error page")
        .isEqualTo("error " + status + " nonce=null");
    assertThat(response.values("Content-Security-Policy")).as(response.toString())
        .containsExactly(SecurityHeadersPolicies.strictCsp().render(""));
    SecurityHeadersPolicies.recommended().headers().forEach((name, value) ->
        assertThat(response.values(name)).as(name + " in " + response).containsExactly(value));
    assertNoPoweredBy(response);
  }

  @ParameterizedTest
  @CsvSource({"not-found,404", "boom,500", "throw,500"})
  void errorPage_nonce_isTheOneInTheCsp(String action, int status) throws IOException {
    RawHttp.Response response = get("/conf/" + action);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).isEqualTo("error " + status + " nonce=" + SecurityHeadersContainerTest.nonceOf(response));
    assertThat(response.values("X-Frame-Options")).containsExactly("DENY");
    assertNoPoweredBy(response);
  }
}
