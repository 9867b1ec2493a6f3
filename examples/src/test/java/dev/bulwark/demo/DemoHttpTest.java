package dev.bulwark.demo;

import static dev.bulwark.demo.DemoClient.SAME_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo over real HTTP and HTTPS: one instance on free ports with a temporary data directory,
 * a generous log-in limit (the exact limits are {@link DemoRateLimitTest}'s) and one allowed
 * CORS origin.
 */
class DemoHttpTest {

  static final String APP_ORIGIN = "https://app.example.test";
  static final String PASSWORD = "correct horse battery";

  @TempDir
  static Path dataDir;
  static Demo demo;
  static DemoClient client;

  @BeforeAll
  static void start() throws Exception {
    demo = DemoClient.startQuietly(dataDir, "--login-limit", "100/1m", "--api-limit", "1000/1m",
        "--bcrypt-cost", "10", "--cors-origin", APP_ORIGIN);
    client = new DemoClient(demo);
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void http_anyPath_isRedirectedTo308HttpsKeepingPathAndQuery() throws Exception {
    HttpResponse<String> response = client.send(client.http("/some/page?q=1&x=%20y"), "GET");

    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("Location")).contains(
        "https://localhost:" + demo.httpsPort() + "/some/page?q=1&x=%20y");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void http_post_isRedirectedWith308SoTheMethodIsKept() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.http("/login"))
        .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))
        .header("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("Location"))
        .contains("https://localhost:" + demo.httpsPort() + "/login");
  }

  @Test
  void http_health_isServedWithoutRedirect() throws Exception {
    HttpResponse<String> response = client.send(client.http("/health"), "GET");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void https_responses_carryHstsAndTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/health", "/api/comments", "/no-such-page")) {
      HttpResponse<String> response = client.get(path);

      assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
          .contains("max-age=31536000; includeSubDomains");
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path)
          .contains("nosniff");
      assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
      assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
    }
  }

  @Test
  void http_foreignHost_isRefusedWith400AndNeverRedirected() throws Exception {
    String response = client.raw("GET /login?next=x HTTP/1.1\r\nHost: evil.example\r\n"
        + "Connection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).doesNotContainIgnoringCase("Location:");
    assertThat(response).doesNotContain("evil.example");
    assertThat(response).contains("application/problem+json");
  }

  @Test
  void http_foreignForwardedHost_fromUntrustedPeer_isIgnored() throws Exception {
    String response = client.raw("GET /x HTTP/1.1\r\nHost: localhost:" + demo.httpPort()
        + "\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 308 ");
    assertThat(response).contains("Location: https://localhost:" + demo.httpsPort() + "/x");
    assertThat(response).doesNotContain("evil.example");
  }

  @Test
  void home_inlineScript_carriesTheResponsesCspNonce() throws Exception {
    HttpResponse<String> response = client.get("/");

    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher header = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
    assertThat(header.find()).as(csp).isTrue();
    assertThat(csp).contains("'strict-dynamic'").doesNotContain("unsafe-inline");
    Matcher page = Pattern.compile("<script nonce=\"([^\"]+)\">").matcher(response.body());
    assertThat(page.find()).isTrue();
    assertThat(page.group(1)).isEqualTo(header.group(1));
    assertThat(response.body()).contains("document.body.dataset.demoScript = 'ran'");
    assertThat(client.get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain(header.group(1));
  }

  @Test
  void signUp_logIn_profile_roundTrip() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("round-trip", PASSWORD);
    HttpResponse<String> put = browser.json("PUT", "/api/profile",
        "{\"note\":\"call me on +1 555 0100\"}", SAME_ORIGIN);
    assertThat(put.statusCode()).isEqualTo(200);

    HttpResponse<String> loggedOut = browser.postForm("/logout", Map.of(), SAME_ORIGIN);
    assertThat(loggedOut.statusCode()).isEqualTo(303);
    assertThat(loggedOut.headers().firstValue("Clear-Site-Data"))
        .contains("\"cache\", \"cookies\", \"storage\"");
    assertThat(browser.get("/api/profile").statusCode()).isEqualTo(401);

    HttpResponse<String> login = browser.logIn("round-trip", PASSWORD);
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).contains("/");
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith(Demo.SESSION_COOKIE + "=").contains("Secure").contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax").contains("Path=/"));
    HttpResponse<String> profile = browser.get("/api/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body())
        .isEqualTo("{\"username\":\"round-trip\",\"note\":\"call me on +1 555 0100\"}");
    assertThat(profile.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(browser.get("/").body()).contains("call me on +1 555 0100");
  }

  @Test
  void profile_notSignedIn_is401ProblemJson() throws Exception {
    HttpResponse<String> response = new DemoClient(demo).get("/api/profile");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void logIn_unknownUserAndWrongPassword_getTheSame401() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("known-user", PASSWORD);

    HttpResponse<String> wrong = browser.logIn("known-user", "not the password");
    HttpResponse<String> unknown = browser.logIn("nobody-here", "not the password");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body()).contains(AccountServlet.WRONG);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void signUp_takenName_is409_andBadInput_is400() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("taken-name", PASSWORD);

    assertThat(new DemoClient(demo).postForm("/signup",
        Map.of("username", "taken-name", "password", PASSWORD), SAME_ORIGIN).statusCode())
        .isEqualTo(409);
    assertThat(new DemoClient(demo).postForm("/signup",
        Map.of("username", "<script>", "password", PASSWORD), SAME_ORIGIN).statusCode())
        .isEqualTo(400);
    assertThat(new DemoClient(demo).postForm("/signup",
        Map.of("username", "short-pass", "password", "1234"), SAME_ORIGIN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void csrf_crossSiteFetchMetadata_isRefused403_andNothingIsWritten() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("csrf-victim", PASSWORD);

    HttpResponse<String> forged = browser.postForm("/comments",
        Map.of("body", "forged-comment-marker"), "Sec-Fetch-Site", "cross-site",
        "Sec-Fetch-Mode", "navigate", "Origin", "https://evil.example");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CROSS_SITE");
    assertThat(browser.get("/api/comments").body()).doesNotContain("forged-comment-marker");
  }

  @Test
  void csrf_foreignOriginWithoutFetchMetadata_isRefused403() throws Exception {
    HttpResponse<String> forged = client.postForm("/login",
        Map.of("username", "x-user", "password", PASSWORD), "Origin", "https://evil.example");
    HttpResponse<String> noSource = client.postForm("/login",
        Map.of("username", "x-user", "password", PASSWORD));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(noSource.statusCode()).isEqualTo(403);
  }

  @Test
  void csrf_ownOriginWithoutFetchMetadata_isAccepted() throws Exception {
    HttpResponse<String> response = client.postForm("/login",
        Map.of("username", "nobody-at-all", "password", PASSWORD),
        "Origin", "https://localhost:" + demo.httpsPort());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void cors_allowedOrigin_mayReadCommentsWithCredentials() throws Exception {
    HttpResponse<String> response = client.get("/api/comments", "Origin", APP_ORIGIN,
        "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
        .contains("true");
  }

  @Test
  void cors_preflightFromAllowedOrigin_isAnswered() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            client.https("/api/comments")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        "Origin", APP_ORIGIN, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type", "Sec-Fetch-Site", "cross-site",
        "Sec-Fetch-Mode", "cors");

    assertThat(response.statusCode()).isBetween(200, 204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(APP_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST");
  }

  @Test
  void cors_otherOrigin_isRefusedAndGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> response = client.get("/api/comments", "Origin",
        "https://evil.example", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void comments_xssPayload_isSanitizedInPageAndApi() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("xss-author", PASSWORD);
    String payload = "<b>bold-marker</b><script>alert('xss-script')</script>"
        + "<img src=x onerror=alert('xss-img')><a href=\"javascript:alert('xss-link')\">l</a>";

    assertThat(browser.json("POST", "/api/comments",
        "{\"body\":\"" + payload.replace("\"", "\\\"") + "\"}", SAME_ORIGIN).statusCode())
        .isEqualTo(201);
    assertThat(browser.postForm("/comments", Map.of("body", payload), SAME_ORIGIN)
        .statusCode()).isEqualTo(303);

    String page = browser.get("/").body();
    String api = browser.get("/api/comments").body();
    for (String body : List.of(page, api)) {
      assertThat(body).contains("bold-marker");
      assertThat(body).doesNotContain("xss-script").doesNotContain("onerror")
          .doesNotContain("javascript:");
    }
    assertThat(page).contains("<b>bold-marker</b>");
  }

  @Test
  void comments_notSignedIn_is401() throws Exception {
    HttpResponse<String> response = new DemoClient(demo).json("POST", "/api/comments",
        "{\"body\":\"hello\"}", SAME_ORIGIN);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void api_malformedJson_is400ProblemWithoutStackTrace() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("json-sender", PASSWORD);

    for (String body : List.of("{\"body\": ", "[1,2]", "{\"body\": 42}", "{'body': 'x'}",
        "{\"body\":\"a\"} trailing", "\"just a string\"")) {
      HttpResponse<String> response = browser.json("POST", "/api/comments", body, SAME_ORIGIN);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(body)
          .startsWith("application/problem+json");
      assertNoLeak(response.body());
    }
  }

  @Test
  void api_oversizedBody_is413() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("big-sender", PASSWORD);
    String huge = "{\"body\":\"" + "a".repeat(Requests.MAX_JSON) + "\"}";

    HttpResponse<String> response = browser.json("POST", "/api/comments", huge, SAME_ORIGIN);

    assertThat(response.statusCode()).isEqualTo(413);
    assertNoLeak(response.body());
  }

  @Test
  void comment_overTheLengthCap_is413() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("long-writer", PASSWORD);

    HttpResponse<String> response = browser.postForm("/comments",
        Map.of("body", "b".repeat(Comments.MAX_BODY + 1)), SAME_ORIGIN);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void form_oversizedBody_is413_withLengthAndChunked() throws Exception {
    DemoClient browser = new DemoClient(demo);
    browser.signUp("form-flooder", PASSWORD);
    String huge = "body=" + "c".repeat(Requests.MAX_FORM + 10);

    HttpResponse<String> sized = browser.send(HttpRequest.newBuilder(browser.https("/comments"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(huge)), SAME_ORIGIN);
    HttpResponse<String> chunked = browser.send(HttpRequest.newBuilder(browser.https("/comments"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
            new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII)))),
        SAME_ORIGIN);

    assertThat(sized.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertNoLeak(chunked.body());
  }

  @Test
  void session_tamperedOrUnknownCookie_isSignedOut() throws Exception {
    for (String value : List.of("node0forged.node0", "x", "%00%ff", "a".repeat(300))) {
      HttpResponse<String> response = client.get("/api/profile", "Cookie",
          Demo.SESSION_COOKIE + "=" + value);

      assertThat(response.statusCode()).as(value).isEqualTo(401);
      assertNoLeak(response.body());
    }
    assertThat(client.get("/", "Cookie", Demo.SESSION_COOKIE + "=node0forged.node0").body())
        .contains("Sign up or log in");
  }

  @Test
  void unknownPaths_are404_htmlOrProblemJson() throws Exception {
    HttpResponse<String> page = client.get("/no/such/page");
    HttpResponse<String> api = client.get("/api/no-such-thing");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void wrongMethod_is405() throws Exception {
    HttpResponse<String> response = client.send(client.https("/api/profile"), "DELETE",
        SAME_ORIGIN);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).isPresent();
  }

  @Test
  void malformedRequests_getAPlainErrorWithoutStackTraceOrVersion() throws Exception {
    for (String request : List.of(
        "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET /a/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000)
            + "\r\nConnection: close\r\n\r\n",
        "BREW / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
      String response = client.rawTls(request);

      assertThat(response).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      assertNoLeak(response);
      assertThat(response).doesNotContainIgnoringCase("Server:");
    }
  }

  static void assertNoLeak(String text) {
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ")
        .doesNotContainIgnoringCase("jetty").doesNotContain("dev.bulwark")
        .doesNotContain("java.");
  }
}
