package dev.bulwark.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.bulwark.testkit.RequiresTool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS with credentials, as a real browser enforces it. Pages on four other origins call the
 * demo's API with {@code fetch(..., {credentials: 'include'})} and report what they could read
 * in the DOM:
 *
 * <ul>
 *   <li>{@code https://localhost:A} (allowed) and {@code https://localhost:C} (not allowed) are
 *       other origins of the <em>same site</em> as the demo ({@code https://localhost:B}; ports
 *       do not make sites), so the browser sends the demo's {@code SameSite=Lax} session cookie
 *       and {@code Sec-Fetch-Site: same-site};
 *   <li>{@code http://127.0.0.1:D} (allowed) and {@code http://127.0.0.1:E} (not allowed) are
 *       <em>cross-site</em>: no session cookie travels, whatever CORS says.
 * </ul>
 */
@RequiresTool({"chromium", "chromedriver"})
class CorsInBrowserTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path dataDir;

  private static LoopbackServer allowedSameSite;
  private static LoopbackServer otherSameSite;
  private static LoopbackServer allowedCrossSite;
  private static LoopbackServer otherCrossSite;
  private static DemoSite site;

  private Chromium browser;

  @BeforeAll
  static void startServers() throws Exception {
    allowedSameSite = LoopbackServer.https();
    otherSameSite = LoopbackServer.https();
    allowedCrossSite = LoopbackServer.http("127.0.0.1");
    otherCrossSite = LoopbackServer.http("127.0.0.1");
    site = DemoSite.start(dataDir, allowedSameSite.origin(), allowedCrossSite.origin());
    allowedSameSite.startHttps(site.certificate(), site.privateKey());
    otherSameSite.startHttps(site.certificate(), site.privateKey());
    for (LoopbackServer server :
        new LoopbackServer[] {allowedSameSite, otherSameSite, allowedCrossSite, otherCrossSite}) {
      server.page("/caller.html", callerPage(site.base()));
    }
  }

  @AfterAll
  static void stopServers() {
    for (AutoCloseable c :
        new AutoCloseable[] {site, allowedSameSite, otherSameSite, allowedCrossSite, otherCrossSite}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // Best effort: the next closes still run.
      }
    }
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /**
   * The page each origin serves: three credentialed calls (a simple GET of the comments, a GET of
   * the signed-in user's profile, and a JSON POST, which needs a preflight), results as JSON in
   * {@code #result}.
   */
  private static String callerPage(String demoBase) {
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>caller</title></head><body>
        <pre id="result"></pre>
        <script>
        const demo = %s;
        const out = {};
        async function attempt(name, path, init) {
          try {
            const r = await fetch(demo + path, Object.assign({credentials: 'include'}, init));
            out[name] = {status: r.status, body: await r.text()};
          } catch (e) {
            out[name] = {error: String(e)};
          }
        }
        (async () => {
          await attempt('comments', 'api/comments', {});
          await attempt('profile', 'api/profile', {});
          await attempt('post', 'api/comments', {method: 'POST',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({body: 'posted from ' + location.origin})});
          document.getElementById('result').textContent = JSON.stringify(out);
          document.body.dataset.done = 'yes';
        })();
        </script></body></html>
        """.formatted(jsString(demoBase));
  }

  private static String jsString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Opens {@code server}'s caller page and returns what its three calls could read. */
  private JsonObject callFrom(LoopbackServer server) {
    browser.open(server.origin() + "/caller.html");
    browser.await("the caller page on " + server.origin(),
        () -> "yes".equals(browser.script("return document.body.dataset.done;")));
    return JsonParser.parseString(browser.text("#result").orElseThrow()).getAsJsonObject();
  }

  private static String outcome(JsonObject result, String call) {
    JsonObject o = result.getAsJsonObject(call);
    return o.has("error") ? "error: " + o.get("error").getAsString()
        : o.get("status").getAsInt() + " " + o.get("body").getAsString();
  }

  @Test
  void allowedOrigin_sameSite_readsAndWritesWithTheSessionCookie() {
    site.signUp(browser, "carol", PASSWORD);

    JsonObject result = callFrom(allowedSameSite);

    assertThat(outcome(result, "comments")).startsWith("200 ").contains("\"comments\"");
    // The session cookie travelled (same site) and the response was readable (CORS allowed
    // this origin with credentials): the profile is carol's.
    assertThat(outcome(result, "profile")).startsWith("200 ").contains("\"carol\"");
    assertThat(outcome(result, "post")).startsWith("201 ")
        .contains("posted from " + allowedSameSite.origin());
  }

  @Test
  void otherOrigin_sameSite_canReadNothing_andWritesNothing() {
    site.signUp(browser, "dave", PASSWORD);

    JsonObject result = callFrom(otherSameSite);

    for (String call : new String[] {"comments", "profile", "post"}) {
      assertThat(outcome(result, call)).as(call).startsWith("error: TypeError");
    }
    // The browser says why: the demo's answer carried no CORS permission for this origin.
    assertThat(browser.console()).anySatisfy(m -> assertThat(m).contains("blocked by CORS policy"));
    // The refused POST never reached the application.
    JsonObject check = callFrom(allowedSameSite);
    assertThat(outcome(check, "comments")).startsWith("200 ")
        .doesNotContain("posted from " + otherSameSite.origin());
  }

  @Test
  void allowedOrigin_crossSite_readsPublicData_butTheLaxCookieStaysHome() {
    site.signUp(browser, "erin", PASSWORD);

    JsonObject result = callFrom(allowedCrossSite);

    assertThat(outcome(result, "comments")).startsWith("200 ").contains("\"comments\"");
    // Readable (CORS headers on the refusal too), but not signed in: the SameSite=Lax session
    // cookie is not sent from another site.
    assertThat(outcome(result, "profile")).startsWith("401 ").doesNotContain("erin");
    assertThat(outcome(result, "post")).startsWith("401 ");
  }

  @Test
  void otherOrigin_crossSite_canReadNothing() {
    site.signUp(browser, "frank", PASSWORD);

    JsonObject result = callFrom(otherCrossSite);

    for (String call : new String[] {"comments", "profile", "post"}) {
      assertThat(outcome(result, call)).as(call).startsWith("error: TypeError");
    }
    // The browser says why: the demo's answer carried no CORS permission for this origin.
    assertThat(browser.console()).anySatisfy(m -> assertThat(m).contains("blocked by CORS policy"));
  }
}
