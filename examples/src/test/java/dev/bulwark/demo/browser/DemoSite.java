package dev.bulwark.demo.browser;

import dev.bulwark.demo.Demo;
import dev.bulwark.demo.DemoOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;

/**
 * The demo on free loopback ports, started for one test class, with what the browser does on it:
 * sign up, post a comment through the home page's form.
 */
final class DemoSite implements AutoCloseable {

  /** The file next to {@link Demo#certificatePath()} that holds the TLS private key. */
  static final String KEY_FILE = "tls-key.pem";

  private final Demo demo;

  private DemoSite(Demo demo) {
    this.demo = demo;
  }

  /** Starts the demo in {@code dataDir}, with the CORS origins given and generous limits. */
  static DemoSite start(Path dataDir, String... corsOrigins) throws Exception {
    List<String> args = new ArrayList<>(List.of("--http-port", "0", "--https-port", "0",
        "--data-dir", dataDir.toString(), "--api-limit", "10000/1m", "--bcrypt-cost", "10"));
    for (String origin : corsOrigins) {
      args.add("--cors-origin");
      args.add(origin);
    }
    ByteArrayOutputStream startup = new ByteArrayOutputStream();
    Demo demo = Demo.start(DemoOptions.parse(args.toArray(String[]::new)),
        new PrintStream(startup, true, StandardCharsets.UTF_8));
    return new DemoSite(demo);
  }

  Demo demo() {
    return demo;
  }

  /** {@code https://localhost:<port>/}. */
  String base() {
    return demo.httpsBase().toString();
  }

  /** {@code https://localhost:<port>}: the demo's origin. */
  String origin() {
    String base = base();
    return base.substring(0, base.length() - 1);
  }

  Path certificate() {
    return demo.certificatePath();
  }

  Path privateKey() {
    return demo.dataDir().resolve(KEY_FILE);
  }

  /** Signs up {@code username} through the home page's form; the browser is then signed in. */
  void signUp(Chromium browser, String username, String password) {
    browser.open(base());
    var form = browser.driver().findElement(By.id("signup-form"));
    form.findElement(By.name("username")).sendKeys(username);
    form.findElement(By.name("password")).sendKeys(password);
    form.findElement(By.tagName("button")).click();
    browser.await("sign-up of " + username, () -> browser.text("#signed-in").isPresent());
  }

  /**
   * Posts {@code body} through the home page's comment form (the value is set by script, so it
   * arrives exactly as given), and waits for the page the post redirects to.
   */
  void postComment(Chromium browser, String body) {
    browser.open(base());
    browser.script("document.body.dataset.before = 'post';"
        + " document.getElementById('comment-body').value = arguments[0];"
        + " document.getElementById('comment-form').submit();", body);
    browser.await("the home page after posting a comment", () -> Boolean.TRUE.equals(
        browser.script("return document.readyState === 'complete' && !document.body.dataset.before"
            + " && !!document.getElementById('signed-in');")));
  }

  @Override
  public void close() {
    demo.close();
  }
}
