package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SecurityHeadersFilter} in a real container over real HTTP/1.1 on 127.0.0.1: normal
 * responses, error pages ({@code sendError} and a thrown exception), redirects, application
 * headers, the nonce attribute and the per-path profiles. Mounts: {@code /rec/*} the
 * recommended preset (no-argument constructor, as a container would create it),
 * {@code /nonce/*} the nonce preset with profiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityHeadersContainerTest {

  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  @BeforeAll
  void startContainer() throws Exception {
    SecurityHeadersPolicy withProfiles = SecurityHeadersPolicies.recommendedWithNonce()
        .toBuilder()
        .noStore("/nonce/account/*")
        .clearSiteData("/nonce/logout")
        .build();
    container = newContainer();
    port = container.start(List.of(
        EmbeddedContainer.Mount.instance("rec", new SecurityHeadersFilter()),
        EmbeddedContainer.Mount.instance("nonce", new SecurityHeadersFilter(withProfiles))),
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

  private static void assertRecommended(RawHttp.Response response) {
    assertThat(response.values("Content-Security-Policy")).as(response.toString())
        .containsExactly(SecurityHeadersPolicies.strictCsp().render(""));
    Map<String, String> expected = SecurityHeadersPolicies.recommended().headers();
    expected.forEach((name, value) ->
        assertThat(response.values(name)).as(name + " in " + response).containsExactly(value));
  }

  @Test
  void ok_recommended_carriesEveryHeader() throws IOException {
    RawHttp.Response response = get("/rec/ok");

    assertThat(response.status()).isEqualTo(200);
    assertRecommended(response);
    assertThat(response.body()).isEqualTo("null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-found", "boom", "throw"})
  void errorPage_recommended_carriesEveryHeader(String action) throws IOException {
    RawHttp.Response response = get("/rec/" + action);

    assertThat(response.status()).isIn(404, 500);
    assertRecommended(response);
    assertThat(response.body()).doesNotContain("\tat dev.bulwark");
  }

  @Test
  void redirect_recommended_carriesEveryHeader() throws IOException {
    RawHttp.Response response = get("/rec/redirect");

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.combined("Location")).endsWith("/elsewhere");
    assertRecommended(response);
  }

  @Test
  void applicationHeader_isNotOverwritten() throws IOException {
    RawHttp.Response response = get("/rec/app-frame");

    assertThat(response.values("X-Frame-Options")).containsExactly("DENY");
    assertThat(response.values("X-Content-Type-Options")).containsExactly("nosniff");
  }

  @Test
  void poweredBy_setByTheApplication_isDropped() throws IOException {
    RawHttp.Response response = get("/rec/powered");

    assertThat(response.body()).isEqualTo("powered");
    assertThat(response.values("X-Powered-By")).isEmpty();
  }

  @Test
  void reset_byTheApplication_keepsTheHeaders() throws IOException {
    RawHttp.Response response = get("/rec/reset");

    assertThat(response.body()).isEqualTo("reset");
    assertThat(response.values("X-Junk")).isEmpty();
    assertRecommended(response);
  }

  @Test
  void nonce_isTheRequestAttributeAndFreshPerResponse() throws IOException {
    RawHttp.Response first = get("/nonce/ok");
    RawHttp.Response second = get("/nonce/ok");

    String firstNonce = nonceOf(first);
    assertThat(first.body()).isEqualTo(firstNonce);
    assertThat(firstNonce).hasSize(24);
    assertThat(nonceOf(second)).isEqualTo(second.body()).isNotEqualTo(firstNonce);
    assertThat(first.combined("Content-Security-Policy")).contains("'strict-dynamic'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-found", "throw", "redirect"})
  void nonce_errorPagesAndRedirects_carryTheCsp(String action) throws IOException {
    RawHttp.Response response = get("/nonce/" + action);

    assertThat(nonceOf(response)).hasSize(24);
    assertThat(response.values("Cross-Origin-Opener-Policy")).containsExactly("same-origin");
  }

  @Test
  void profiles_noStoreAndClearSiteData_onTheirPathsOnly() throws IOException {
    assertThat(get("/nonce/account/ok").values("Cache-Control")).containsExactly("no-store");
    // A container's error page may set its own Cache-Control (Jetty: no-cache, no-store, ...).
    assertThat(get("/nonce/account/not-found").tokens("Cache-Control")).contains("no-store");
    assertThat(get("/nonce/logout").values("Clear-Site-Data"))
        .containsExactly("\"cache\", \"cookies\", \"storage\"");
    RawHttp.Response other = get("/nonce/ok");
    assertThat(other.values("Clear-Site-Data")).isEmpty();
    assertThat(other.values("Cache-Control")).isEmpty();
  }

  /** The nonce in a response's CSP (failing when there is none). */
  static String nonceOf(RawHttp.Response response) {
    String csp = response.combined("Content-Security-Policy");
    assertThat(csp).as(response.toString()).isNotNull();
    Matcher matcher = NONCE.matcher(csp);
    assertThat(matcher.find()).as(csp).isTrue();
    return matcher.group(1);
  }
}
