package dev.bulwark.demo.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium from the Debian packages ({@value #BROWSER}, {@value #DRIVER}), with the
 * three detectors the XSS tests need: open dialogs ({@code alert}, {@code confirm},
 * {@code prompt}), the browser console (which also carries the browser's CSP violation
 * reports), and, together with a {@link LoopbackServer}, beacon requests.
 *
 * <p>Selenium is given both binaries, so Selenium Manager never runs (and the build sets
 * {@code SE_OFFLINE=true} besides): nothing is downloaded. Each instance has a fresh profile in
 * a temporary directory, deleted on {@link #close()}. Dialogs are left open
 * ({@code unhandledPromptBehavior=ignore}) so that a test can find them; a command that meets one
 * fails with {@link UnhandledAlertException}, which {@link #dialogs()} also counts.
 */
final class Chromium implements AutoCloseable {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private final ChromeDriver driver;
  private final Path profile;
  private final List<String> console = new ArrayList<>();
  private final List<String> dialogs = new ArrayList<>();

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser; the caller closes it. */
  static Chromium start() throws IOException {
    Path profile = Files.createTempDirectory("bulwark-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--ignore-certificate-errors",
        "--user-data-dir=" + profile);
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    // Commands return at once instead of waiting for a page load that a dialog may block;
    // open(...) waits for the load itself, dismissing (and recording) dialogs on the way.
    options.setPageLoadStrategy(PageLoadStrategy.NONE);
    options.setAcceptInsecureCerts(true);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .withEnvironment(Map.of("SE_OFFLINE", "true"))
        .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Chromium(driver, profile);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * Loads {@code url} and waits until the new document is complete; dialogs that open meanwhile
   * are dismissed and recorded (see {@link #dialogs()}), not thrown.
   */
  void open(String url) {
    dialogs();
    script("if (document.body) { document.body.dataset.leaving = 'yes'; }");
    driver.get(url);
    boolean loaded = waitFor(Duration.ofSeconds(30), () -> {
      dialogs();
      return Boolean.TRUE.equals(script("return document.readyState === 'complete'"
          + " && !!document.body && !document.body.dataset.leaving;"));
    });
    if (!loaded) {
      String state;
      try {
        state = script("return location.href + ' ' + document.readyState + ' '"
            + " + JSON.stringify(document.body && document.body.dataset);");
      } catch (WebDriverException e) {
        state = e.toString().lines().findFirst().orElse("");
      }
      throw new AssertionError("page did not load within 30 s: " + url + "; state: " + state
          + "; dialogs: " + dialogs);
    }
  }

  /** Waits, dismissing and recording dialogs, until {@code condition} holds (30 s at most). */
  void await(String what, BooleanSupplier condition) {
    if (!waitFor(Duration.ofSeconds(30), () -> {
      dialogs();
      return condition.getAsBoolean();
    })) {
      throw new AssertionError("timed out waiting for " + what + " on " + driver.getCurrentUrl());
    }
  }

  /** Runs a script in the page (WebDriver scripts are not subject to the page's CSP). */
  @SuppressWarnings("unchecked")
  <T> T script(String source, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(source, args);
  }

  /**
   * Waits up to {@code timeout} for {@code condition}, polling; false when it never held. A
   * WebDriver error in the condition (a page between two documents, a dialog in the way) counts
   * as "not yet"; an open dialog stays open for {@link #dialogs()} to find.
   */
  static boolean waitFor(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean held;
      try {
        held = condition.getAsBoolean();
      } catch (WebDriverException e) {
        held = false;
      }
      if (held) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Every dialog seen so far, including one open now (which is dismissed, so the browser can go
   * on), each as its text.
   */
  List<String> dialogs() {
    while (true) {
      try {
        var alert = driver.switchTo().alert();
        dialogs.add(alert.getText());
        alert.dismiss();
      } catch (NoAlertPresentException e) {
        return List.copyOf(dialogs);
      } catch (UnhandledAlertException e) {
        dialogs.add(String.valueOf(e.getAlertText()));
      }
    }
  }

  /**
   * Every browser-console message so far: the page's {@code console.*} calls and the browser's
   * own reports, such as "Refused to execute inline script because it violates the following
   * Content Security Policy directive".
   */
  List<String> console() {
    dialogs();                                    // the log cannot be read past an open dialog
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      console.add(entry.getLevel() + " " + entry.getMessage());
    }
    return List.copyOf(console);
  }

  /** The console messages that are CSP violation reports. */
  List<String> cspViolations() {
    return console().stream().filter(m -> m.contains("Content Security Policy")).toList();
  }

  /** Text of the first element matching a CSS selector, if any. */
  Optional<String> text(String cssSelector) {
    String text = script("var e = document.querySelector(arguments[0]);"
        + " return e ? e.textContent : null;", cssSelector);
    return Optional.ofNullable(text);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temporary directory is harmless.
    }
  }
}
