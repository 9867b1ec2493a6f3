package dev.bulwark.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.RequiresTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Comments carrying {@linkplain XssPayloads classic XSS payloads} are posted through the demo's
 * form; rendered, clicked on, nothing of theirs may run. "Run" is watched three ways: a dialog
 * opens, the console receives the payload's {@code console.log}, or the loopback beacon server
 * receives a request. Two renderings are checked: the demo's home page (sanitizer plus nonce
 * CSP), and the API's sanitized {@code html} inserted with {@code innerHTML} into a page that
 * has <em>no</em> CSP, so the sanitizer alone must hold. A positive control proves that each
 * detector fires when a payload does run.
 */
@RequiresTool({"chromium", "chromedriver"})
class XssInBrowserTest {

  /** How long a detector is given to fire after a page has rendered and been clicked. */
  private static final Duration SETTLE = Duration.ofMillis(1500);

  @TempDir static Path dataDir;

  private static LoopbackServer beacon;
  private static LoopbackServer reader;
  private static DemoSite site;
  private static List<XssPayloads.Payload> payloads;

  private Chromium browser;

  @BeforeAll
  static void postPayloads() throws Exception {
    beacon = LoopbackServer.http("127.0.0.1");
    reader = LoopbackServer.https();
    site = DemoSite.start(dataDir, reader.origin());
    reader.startHttps(site.certificate(), site.privateKey());
    reader.page("/render.html", renderPage(site.base()));
    reader.page("/control.html", controlPage(beacon.origin()));
    payloads = XssPayloads.all(beacon.origin());
    try (Chromium poster = Chromium.start()) {
      site.signUp(poster, "poster", "correct horse battery");
      for (XssPayloads.Payload payload : payloads) {
        site.postComment(poster, payload.html());
      }
    }
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {site, reader, beacon}) {
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
    beacon.clearHits();
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /** A page without CSP that shows the API's sanitized comment HTML through innerHTML. */
  private static String renderPage(String demoBase) {
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>render</title></head><body>
        <div id="comments"></div>
        <script>
        fetch('%sapi/comments', {credentials: 'include'})
          .then(r => r.json())
          .then(list => {
            for (const c of list.comments) {
              const div = document.createElement('div');
              div.className = 'comment-body';
              div.innerHTML = c.html;
              document.getElementById('comments').appendChild(div);
            }
            document.body.dataset.done = 'yes';
          })
          .catch(e => { document.body.dataset.done = 'error ' + e; });
        </script></body></html>
        """.formatted(demoBase);
  }

  /** The positive control: raw payloads in a page without CSP, parsed and via innerHTML. */
  private static String controlPage(String beaconOrigin) {
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>control</title></head><body>
        <div class="comment-body"><img src=x onerror="%s"></div>
        <div class="comment-body"><a id="control-link" href="javascript:%s">link</a></div>
        <div class="comment-body" id="inner"></div>
        <script>
        document.getElementById('inner').innerHTML = %s;
        </script></body></html>
        """.formatted(XssPayloads.script("control", beaconOrigin),
            XssPayloads.script("click-control", beaconOrigin),
            "'<img src=x onerror=\"" + XssPayloads.script("inner-control", beaconOrigin)
                .replace("'", "\\'") + "\">'");
  }

  /**
   * Clicks every link, button and input inside the comments, except links to http(s) pages
   * (following those would leave the page; the sanitizer's https links lead nowhere here).
   */
  private void clickEverything() {
    List<WebElement> targets = browser.driver().findElements(By.cssSelector(
        ".comment-body a, .comment-body button, .comment-body input, .comment-body details"));
    for (WebElement target : targets) {
      try {
        String href = target.getAttribute("href");
        if (href != null && (href.startsWith("https:") || href.startsWith("http:"))) {
          continue;
        }
        target.click();
        browser.dialogs();
      } catch (WebDriverException e) {
        // Not clickable (hidden, zero size, or the page moved on): nothing to run.
      }
    }
  }

  /** Markup inside the comments that could run script, as the browser's DOM has it. */
  private List<String> dangerousMarkup() {
    return browser.script("""
        const bad = [];
        const tags = ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link',
            'style', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'template'];
        for (const el of document.querySelectorAll('.comment-body *')) {
          if (tags.includes(el.localName)) bad.push('<' + el.localName + '>');
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) bad.push(el.localName + ' ' + a.name);
            if (/^(javascript|vbscript|data):/i.test(a.value.replace(/[\\u0000-\\u0020]/g, ''))) {
              bad.push(el.localName + ' ' + a.name + '=' + a.value);
            }
          }
        }
        return bad;
        """);
  }

  private void assertNothingRan() {
    boolean beaconed = Chromium.waitFor(SETTLE, () -> !beacon.hits().isEmpty());
    assertThat(browser.dialogs()).as("dialogs").isEmpty();
    assertThat(browser.console()).as("console").noneMatch(m -> m.contains("xss-"));
    assertThat(beaconed).as("beacon requests: %s", beacon.hits()).isFalse();
  }

  private void assertEveryPayloadRendered() {
    String page = browser.driver().getPageSource();
    for (XssPayloads.Payload payload : payloads) {
      assertThat(page).as("payload %s was rendered", payload.id())
          .contains("payload-" + payload.id() + "<");
    }
  }

  @Test
  void demoHomePage_rendersEveryPayload_andNoneRuns() {
    browser.open(site.base());

    assertEveryPayloadRendered();
    assertThat(dangerousMarkup()).isEmpty();
    clickEverything();
    assertNothingRan();
    // The sanitizer left nothing for the CSP to stop: no script was even attempted.
    assertThat(browser.cspViolations())
        .noneMatch(m -> m.contains("script") || m.contains("JavaScript"));
  }

  @Test
  void sanitizedApiHtml_insertedIntoAPageWithoutCsp_noneRuns() {
    browser.open(reader.origin() + "/render.html");
    browser.await("the render page",
        () -> browser.script("return document.body.dataset.done;") != null);
    assertThat((String) browser.script("return document.body.dataset.done;")).isEqualTo("yes");

    assertEveryPayloadRendered();
    assertThat(dangerousMarkup()).isEmpty();
    clickEverything();
    assertNothingRan();
  }

  @Test
  void control_rawPayloadsInAPageWithoutCsp_tripEveryDetector() {
    browser.open(reader.origin() + "/control.html");
    Set<String> dialogs = new HashSet<>();
    Chromium.waitFor(Duration.ofSeconds(10), () -> {
      dialogs.addAll(browser.dialogs());
      return dialogs.containsAll(Set.of("xss-control", "xss-inner-control"));
    });
    browser.driver().findElement(By.id("control-link")).click();
    Chromium.waitFor(Duration.ofSeconds(10), () -> {
      dialogs.addAll(browser.dialogs());
      return dialogs.contains("xss-click-control");
    });
    Chromium.waitFor(Duration.ofSeconds(10), () -> beacon.hits().size() >= 9);

    assertThat(dialogs).contains("xss-control", "xss-inner-control", "xss-click-control");
    assertThat(browser.console())
        .anySatisfy(m -> assertThat(m).contains("xss-control"))
        .anySatisfy(m -> assertThat(m).contains("xss-inner-control"))
        .anySatisfy(m -> assertThat(m).contains("xss-click-control"));
    assertThat(beacon.hits()).contains("/b-control", "/i-control", "/f-control",
        "/b-inner-control", "/i-inner-control", "/f-inner-control",
        "/b-click-control", "/i-click-control", "/f-click-control");
    assertThat(dangerousMarkup()).isNotEmpty();
  }
}
