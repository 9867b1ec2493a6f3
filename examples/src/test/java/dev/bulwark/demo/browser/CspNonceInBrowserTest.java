package dev.bulwark.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.RequiresTool;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's nonce CSP in a real browser: the home page's own inline script carries the
 * response's nonce and runs; scripts injected into the page without it (an inline script, a
 * script with a wrong nonce, an inline event handler) are refused, and the browser says so in
 * its console. The same injections run in a page without CSP, so the refusals are the CSP's
 * doing.
 */
@RequiresTool({"chromium", "chromedriver"})
class CspNonceInBrowserTest {

  /**
   * Three injections, written into the page as markup (so the browser parses them, as it would
   * markup that slipped into a response): an inline script, a script with a wrong nonce and an
   * inline event handler. Each marks {@code <body data-…="ran">} if it runs. (Scripts that a
   * running script creates with {@code createElement} are another matter: {@code 'strict-dynamic'}
   * trusts them by design, because only trusted code can create them.)
   */
  private static final String INJECT = """
      setTimeout(() => {
        document.open();
        document.write('<!doctype html><html><head><title>rewritten</title></head>'
            + '<body data-written="yes"><p>rewritten</p>'
            + '<script>document.body.dataset.injected = "ran";<\\/script>'
            + '<script nonce="AAAAAAAAAAAAAAAAAAAAAA==">'
            + 'document.body.dataset.wrongNonce = "ran";<\\/script>'
            + '<img src="/no-such-image" onerror="document.body.dataset.handler = \\'ran\\';">'
            + '</body></html>');
        document.close();
      }, 0);
      """;

  private static final String MARKS = "return {written: document.body.dataset.written || '',"
      + " injected: document.body.dataset.injected || '',"
      + " wrongNonce: document.body.dataset.wrongNonce || '',"
      + " handler: document.body.dataset.handler || ''};";

  @TempDir static Path dataDir;

  private static DemoSite site;
  private static LoopbackServer plain;

  private Chromium browser;

  @BeforeAll
  static void start() throws Exception {
    site = DemoSite.start(dataDir);
    plain = LoopbackServer.http("127.0.0.1");
    plain.page("/plain.html", "<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<title>no CSP</title></head><body><p>no CSP here</p></body></html>");
  }

  @AfterAll
  static void stop() {
    site.close();
    plain.close();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  private String demoScriptMark() {
    return browser.script("return document.body.dataset.demoScript || '';");
  }

  private String scriptNonce() {
    return browser.script("const s = document.querySelector('script'); return s ? s.nonce : '';");
  }

  @Test
  void ownInlineScript_withTheResponseNonce_runs_andTheNonceIsFreshPerResponse() {
    browser.open(site.base());
    browser.await("the demo's script", () -> "ran".equals(demoScriptMark()));
    String first = scriptNonce();

    browser.open(site.base());
    browser.await("the demo's script", () -> "ran".equals(demoScriptMark()));
    String second = scriptNonce();

    assertThat(first).hasSizeGreaterThanOrEqualTo(16);
    assertThat(second).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(first);
    assertThat(browser.cspViolations()).isEmpty();
  }

  @Test
  void injectedScripts_withoutTheNonce_doNotRun_andTheBrowserReportsTheViolations() {
    browser.open(site.base());
    browser.await("the demo's script", () -> "ran".equals(demoScriptMark()));

    browser.script(INJECT);
    browser.await("the CSP reports", () -> browser.cspViolations().size() >= 3);

    assertThat(browser.<Map<String, Object>>script(MARKS))
        .containsEntry("written", "yes")
        .containsEntry("injected", "").containsEntry("wrongNonce", "").containsEntry("handler", "");
    assertThat(browser.cspViolations())
        .anySatisfy(m -> assertThat(m).containsIgnoringCase("inline script")
            .contains("violates the following Content Security Policy directive"))
        .anySatisfy(m -> assertThat(m).containsIgnoringCase("inline event handler")
            .contains("script-src-attr 'none'"));
    assertThat(browser.dialogs()).isEmpty();
  }

  @Test
  void control_theSameInjections_runInAPageWithoutCsp() {
    browser.open(plain.origin() + "/plain.html");

    browser.script(INJECT);
    browser.await("the injections", () -> "ran".equals(
        browser.<Map<String, Object>>script(MARKS).get("handler")));

    assertThat(browser.<Map<String, Object>>script(MARKS))
        .containsEntry("written", "yes")
        .containsEntry("injected", "ran").containsEntry("wrongNonce", "ran")
        .containsEntry("handler", "ran");
    assertThat(browser.cspViolations()).isEmpty();
  }
}
