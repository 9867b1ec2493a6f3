package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact limits: 3 failed log-ins per minute per address and per user name, 5 API requests
 * per minute per address. 127.0.0.1 is a trusted proxy, so each test plays its own clients
 * with {@code X-Forwarded-For} and the tests do not spend each other's allowance.
 */
class DemoRateLimitTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir
  static Path dataDir;
  static Demo demo;
  static DemoClient client;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoClient.startQuietly(dataDir, "--login-limit", "3/1m", "--api-limit", "5/1m",
        "--bcrypt-cost", "10", "--trusted-proxy", "127.0.0.1/32");
    client = new DemoClient(demo);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void login_perAddress_countsOnlyFailures_andRefusesTheFourthWith429() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("addr-owner", PASSWORD);
    String[] from = {"X-Forwarded-For", "203.0.113.10"};
    assertThat(browser.logIn("addr-owner", PASSWORD, from).statusCode()).isEqualTo(303);

    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> failed = client.logIn("addr-guess-" + i, "wrong password", from);
      assertThat(failed.statusCode()).as("failure " + i).isEqualTo(401);
      assertThat(failed.headers().firstValue("RateLimit-Policy").orElseThrow())
          .contains("\"login\";q=3;w=60");
      assertThat(failed.headers().allValues("RateLimit")).anySatisfy(value ->
          assertThat(value).contains("\"login\";r="));
    }
    HttpResponse<String> refused = client.logIn("addr-guess-4", "wrong password", from);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(refused.headers().firstValue("RateLimit-Policy").orElseThrow())
        .contains("\"login\";q=3;w=60");
    assertThat(refused.headers().firstValue("RateLimit").orElseThrow())
        .contains("\"login\";r=0");
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    // Even the right password waits: the address is out of attempts.
    assertThat(browser.logIn("addr-owner", PASSWORD, from).statusCode()).isEqualTo(429);
    // Another address is not affected.
    assertThat(browser.logIn("addr-owner", PASSWORD, "X-Forwarded-For", "203.0.113.11")
        .statusCode()).isEqualTo(303);
  }

  @Test
  void login_perUserName_holdsAcrossAddresses() throws Exception {
    new DemoClient(demo).signUp("targeted-user", PASSWORD);

    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> failed = client.logIn("targeted-user", "guess " + i,
          "X-Forwarded-For", "198.51.100." + i);
      assertThat(failed.statusCode()).as("failure " + i).isEqualTo(401);
    }
    HttpResponse<String> refused = client.logIn("targeted-user", "guess 4",
        "X-Forwarded-For", "198.51.100.4");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().allValues("RateLimit-Policy"))
        .anySatisfy(value -> assertThat(value).contains("\"login-user\";q=3;w=60"));
    assertThat(refused.body()).contains("user name");
    // The address-based filter saw only one failure from 198.51.100.4: this was the name's limit.
    HttpResponse<String> otherUser = client.logIn("someone-else", "guess",
        "X-Forwarded-For", "198.51.100.4");
    assertThat(otherUser.statusCode()).isEqualTo(401);
  }

  @Test
  void api_perAddress_allowsFiveThenRefuses() throws Exception {
    String[] from = {"X-Forwarded-For", "192.0.2.77"};
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> response = client.get("/api/comments", from);
      assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
      assertThat(response.headers().firstValue("RateLimit").orElseThrow())
          .isEqualTo("\"api\";r=" + (5 - i) + ";t=" + response.headers().firstValue("RateLimit")
              .orElseThrow().replaceAll(".*;t=", ""));
    }
    HttpResponse<String> refused = client.get("/api/comments", from);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void health_isNeverRateLimited() throws Exception {
    String[] from = {"X-Forwarded-For", "192.0.2.99"};
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = client.get("/health", from);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    }
  }
}
