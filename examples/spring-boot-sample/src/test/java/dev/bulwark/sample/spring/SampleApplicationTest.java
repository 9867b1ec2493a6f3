package dev.bulwark.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The sample over real HTTP on an embedded Tomcat. Requests come "through a TLS-terminating
 * proxy": the test's loopback address is a trusted proxy, so {@code X-Forwarded-Proto: https}
 * makes a request secure and {@code X-Forwarded-For} names the client; each test uses its own
 * client address, so the rate limits of one test never leak into another.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.sample.trusted-proxies=127.0.0.1/32,::1/128",
      "bulwark.sample.cors-origins=https://app.example.test",
      "bulwark.sample.https-port=8443",
      "bulwark.sample.api-limit=3",
      "bulwark.sample.api-period=1h",
      "bulwark.sample.login-limit=3",
      "bulwark.sample.login-period=1h",
      "bulwark.sample.bcrypt-cost=10"
    })
class SampleApplicationTest {

  private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);
  private static final String ALLOWED_ORIGIN = "https://app.example.test";
  private static final String OTHER_ORIGIN = "https://evil.example";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Autowired List<FilterRegistrationBean<?>> registrations;

  /** A fresh client address, as the trusted proxy reports it. */
  private static String newClient() {
    return "203.0.113." + NEXT_CLIENT.getAndIncrement();
  }

  private HttpRequest.Builder viaProxy(String path, String client) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-For", client);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher json(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private HttpResponse<String> postSameOrigin(String path, String client, String body)
      throws IOException, InterruptedException {
    return send(viaProxy(path, client)
        .header("Content-Type", "application/json")
        .header("Sec-Fetch-Site", "same-origin")
        .header("Sec-Fetch-Mode", "cors")
        .POST(json(body))
        .build());
  }

  @Test
  void filters_areOrderedAndRunBeforeSpringSecurity() {
    List<FilterRegistrationBean<?>> bulwark = new ArrayList<>();
    for (FilterRegistrationBean<?> r : registrations) {
      if (r.getFilterName() != null && r.getFilterName().startsWith("bulwark-")) {
        bulwark.add(r);
      }
    }
    bulwark.sort(Comparator.comparingInt(FilterRegistrationBean::getOrder));
    assertThat(bulwark)
        .extracting(r -> r.getFilter().getClass().getSimpleName())
        .containsExactly("SecurityHeadersFilter", "HttpsRedirectFilter", "CorsFilter",
            "FetchMetadataFilter", "RateLimitFilter");
    assertThat(bulwark)
        .allSatisfy(r -> assertThat(r.getOrder()).isLessThan(SecurityProperties.DEFAULT_FILTER_ORDER));
  }

  @Test
  void secureResponse_carriesSecurityHeaders() throws Exception {
    HttpResponse<String> response = send(viaProxy("/api/greeting", newClient()).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("hello from Bulwark");
    var headers = response.headers();
    assertThat(headers.firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src").contains("object-src 'none'"));
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void plainHttp_isRedirectedToHttps_withHeaders_butHealthIsNot() throws Exception {
    HttpResponse<String> redirect = send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/greeting?x=1")).build());

    assertThat(redirect.statusCode()).isEqualTo(308);
    assertThat(redirect.headers().firstValue("Location"))
        .hasValue("https://localhost:8443/api/greeting?x=1");
    assertThat(redirect.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    HttpResponse<String> health = send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/health")).build());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
    assertThat(health.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void crossSitePost_isRefusedWith403() throws Exception {
    HttpResponse<String> response = send(viaProxy("/signup", newClient())
        .header("Content-Type", "application/json")
        .header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "cors")
        .header("Origin", OTHER_ORIGIN)
        .POST(json("{\"username\":\"mallory\",\"password\":\"correct horse\"}"))
        .build());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    // The forged sign-up never reached the application: the name is still free.
    HttpResponse<String> later = postSameOrigin(
        "/signup", newClient(), "{\"username\":\"mallory\",\"password\":\"correct horse\"}");
    assertThat(later.statusCode()).isEqualTo(201);
  }

  @Test
  void crossSitePost_withoutFetchMetadata_fromOtherOrigin_isRefused() throws Exception {
    HttpResponse<String> response = send(viaProxy("/login", newClient())
        .header("Content-Type", "application/json")
        .header("Origin", OTHER_ORIGIN)
        .POST(json("{\"username\":\"a\",\"password\":\"b\"}"))
        .build());

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void preflight_fromAllowedOrigin_isAnsweredWithCredentials() throws Exception {
    HttpResponse<String> response = send(preflight(ALLOWED_ORIGIN));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(v -> assertThat(v).contains("POST"));
  }

  @Test
  void preflight_fromOtherOrigin_isRefused() throws Exception {
    HttpResponse<String> response = send(preflight(OTHER_ORIGIN));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  private HttpRequest preflight(String origin) {
    return viaProxy("/api/greeting", newClient())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "cors")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .build();
  }

  @Test
  void crossOriginGet_fromAllowedOrigin_getsCorsHeaders() throws Exception {
    HttpResponse<String> response = send(viaProxy("/api/greeting", newClient())
        .header("Origin", ALLOWED_ORIGIN)
        .header("Sec-Fetch-Site", "cross-site")
        .header("Sec-Fetch-Mode", "cors")
        .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
  }

  @Test
  void api_afterItsLimit_answers429() throws Exception {
    String client = newClient();
    for (int i = 1; i <= 3; i++) {
      HttpResponse<String> allowed = send(viaProxy("/api/greeting", client).build());
      assertThat(allowed.statusCode()).as("request %d", i).isEqualTo(200);
      String remaining = "r=" + (3 - i);
      assertThat(allowed.headers().firstValue("RateLimit"))
          .hasValueSatisfying(v -> assertThat(v).contains("\"api\"").contains(remaining));
    }
    HttpResponse<String> refused = send(viaProxy("/api/greeting", client).build());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(refused.body()).doesNotContain("Exception");
    // Another client is not affected.
    assertThat(send(viaProxy("/api/greeting", newClient()).build()).statusCode()).isEqualTo(200);
  }

  @Test
  void signupThenLogin_roundTrip() throws Exception {
    String client = newClient();
    String alice = "{\"username\":\"alice\",\"password\":\"correct horse battery\"}";

    assertThat(postSameOrigin("/signup", client, alice).statusCode()).isEqualTo(201);
    assertThat(postSameOrigin("/signup", client, alice).statusCode()).isEqualTo(409);

    HttpResponse<String> ok = postSameOrigin("/login", client, alice);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"alice\"");

    HttpResponse<String> wrong = postSameOrigin(
        "/login", client, "{\"username\":\"alice\",\"password\":\"wrong horse battery\"}");
    HttpResponse<String> unknown = postSameOrigin(
        "/login", client, "{\"username\":\"nobody\",\"password\":\"correct horse battery\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body()).contains("wrong username or password");
  }

  @Test
  void login_failuresAreCounted_thenRefusedWith429() throws Exception {
    String client = newClient();
    String bob = "{\"username\":\"bob\",\"password\":\"correct horse battery\"}";
    assertThat(postSameOrigin("/signup", client, bob).statusCode()).isEqualTo(201);
    // Successes are not charged.
    for (int i = 0; i < 4; i++) {
      assertThat(postSameOrigin("/login", client, bob).statusCode()).isEqualTo(200);
    }
    String wrong = "{\"username\":\"bob\",\"password\":\"guess\"}";
    for (int i = 1; i <= 3; i++) {
      assertThat(postSameOrigin("/login", client, wrong).statusCode()).as("failure %d", i)
          .isEqualTo(401);
    }
    // The limit is spent: even the right password is refused until the period passes.
    assertThat(postSameOrigin("/login", client, bob).statusCode()).isEqualTo(429);
  }

  @Test
  void badInput_getsProblemJson_neverA500() throws Exception {
    String client = newClient();
    for (String body : List.of("{", "[]", "{\"username\":1}", "\"x\"", "{\"username\":\"x\"}",
        "{\"username\":\"ok-name\",\"password\":\"short\"}",
        "{\"username\":\"<script>\",\"password\":\"long enough pass\"}")) {
      HttpResponse<String> response = postSameOrigin("/signup", client, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(body)
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at org.");
    }
  }
}
