package dev.bulwark.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ratelimit.ClientKeys;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimitRule;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link RateLimitFilter} in a real container over real HTTP/1.1 on 127.0.0.1. Every test has
 * its own mount (its own filter and store), since every request comes from 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimitFilterContainerTest {

  private static final Pattern POLICY_FIELD =
      Pattern.compile("\"[A-Za-z0-9._-]+\";q=[0-9]+;w=[0-9]+(, \"[A-Za-z0-9._-]+\";q=[0-9]+;w=[0-9]+)*");
  private static final Pattern STATE_FIELD =
      Pattern.compile("\"[A-Za-z0-9._-]+\";r=[0-9]+;t=[0-9]+(, \"[A-Za-z0-9._-]+\";r=[0-9]+;t=[0-9]+)*");

  private final FakeClock clock = FakeClock.create();
  private final List<String> meteredEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
  private EmbeddedContainer container;
  private int port;

  abstract EmbeddedContainer newContainer();

  private static EmbeddedContainer.Mount params(String name, Map<String, String> params) {
    return new EmbeddedContainer.Mount(name, new RateLimitFilter(), params);
  }

  @BeforeAll
  void startContainer() throws Exception {
    LocalRateLimitStore store = LocalRateLimitStore.create(1_000, clock);
    RateLimitEngine twoPolicies = RateLimitEngine.builder()
        .rule(RateLimitRule.builder(RateLimiter.of(RateLimitPolicy.builder().name("burst")
            .limit(3).per(Duration.ofSeconds(30)).build(), store, clock, RateLimitListener.NONE))
            .build())
        .rule(RateLimitRule.builder(RateLimiter.of(RateLimitPolicy.builder().name("hourly")
            .limit(100).per(Duration.ofHours(1)).key(ClientKeys.global()).build(), store, clock,
            RateLimitListener.NONE)).build())
        .build();
    List<EmbeddedContainer.Mount> mounts = List.of(
        params("basic", Map.of("limit", "5", "period", "1m", "name", "api",
            "exclude-paths", "/basic/health")),
        params("parallel", Map.of("limit", "5", "period", "PT1M")),
        params("legacy", Map.of("limit", "3", "period", "1m", "headers", "ietf+legacy")),
        params("quiet", Map.of("limit", "1", "period", "1m", "headers", "none")),
        params("login", Map.of("limit", "3", "period", "1m", "name", "login",
            "paths", "/login/attempt", "methods", "POST", "charge-statuses", "401")),
        params("strict", Map.of("limit", "2", "period", "1m", "paths", "/strict/login")),
        EmbeddedContainer.Mount.instance("programmatic", new RateLimitFilter(twoPolicies)),
        new EmbeddedContainer.Mount("metered", new RateLimitFilter(new RateLimitListener() {
          @Override
          public void onAllowed(dev.bulwark.ratelimit.RateLimitDecision decision) {
            meteredEvents.add("allowed " + decision.policy().name());
          }

          @Override
          public void onLimited(dev.bulwark.ratelimit.RateLimitDecision decision) {
            meteredEvents.add("limited " + decision.policy().name());
          }
        }), Map.of("limit", "1", "period", "1m", "name", "metered")));
    container = newContainer();
    port = container.start(mounts, new StatusServlet());
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (container != null) {
      container.stop();
    }
  }

  private RawHttp.Response get(String target, String... headers) throws IOException {
    return send("GET", target, headers);
  }

  private RawHttp.Response send(String method, String target, String... headers)
      throws IOException {
    List<List<String>> list = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      list.add(List.of(headers[i], headers[i + 1]));
    }
    return RawHttp.send(port, method, target, "localhost", list);
  }

  @Test
  void initParamsWithListener_everyDecisionReachesTheListener() throws IOException {
    assertThat(get("/metered/a").status()).isEqualTo(200);
    assertThat(get("/metered/a").status()).isEqualTo(429);
    assertThat(meteredEvents).containsExactly("allowed metered", "limited metered");
  }

  @Test
  void sequential_twelveRequestsAtLimitFive_admitFiveAndRefuseSevenWithHeaders()
      throws IOException {
    for (int i = 1; i <= 5; i++) {
      RawHttp.Response ok = get("/basic/items");
      assertThat(ok.status()).as("request %d: %s", i, ok).isEqualTo(200);
      assertThat(ok.body()).isEqualTo(AppServlet.BODY);
      assertThat(ok.combined("RateLimit-Policy")).isEqualTo("\"api\";q=5;w=60")
          .matches(POLICY_FIELD);
      assertThat(ok.combined("RateLimit")).matches(STATE_FIELD)
          .startsWith("\"api\";r=" + (5 - i) + ";t=");
      assertThat(ok.combined("Retry-After")).isNull();
    }
    for (int i = 6; i <= 12; i++) {
      RawHttp.Response refused = get("/basic/items");
      assertThat(refused.status()).as("request %d: %s", i, refused).isEqualTo(429);
      assertThat(refused.combined("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.body()).contains("\"status\":429").contains("Too Many Requests");
      long retryAfter = Long.parseLong(refused.combined("Retry-After"));
      assertThat(retryAfter).isBetween(1L, 12L);
      assertThat(refused.combined("RateLimit")).matches(STATE_FIELD).startsWith("\"api\";r=0;t=");
      assertThat(refused.combined("RateLimit-Policy")).isEqualTo("\"api\";q=5;w=60");
    }
  }

  @Test
  void excludedPath_isNeverLimitedNorAnnotated() throws IOException {
    for (int i = 0; i < 8; i++) {
      RawHttp.Response health = get("/basic/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.combined("RateLimit")).isNull();
    }
  }

  @Test
  void parallel_twentyConcurrentRequestsAtLimitFive_admitExactlyFive()
      throws InterruptedException, ExecutionException, TimeoutException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Callable<Integer> call = () -> {
          start.await();
          return get("/parallel/x").status();
        };
        statuses.add(pool.submit(call));
      }
      start.countDown();
      int ok = 0;
      int limited = 0;
      for (Future<Integer> status : statuses) {
        int s = status.get(30, TimeUnit.SECONDS);
        if (s == 200) {
          ok++;
        } else if (s == 429) {
          limited++;
        }
      }
      assertThat(ok).isEqualTo(5);
      assertThat(limited).isEqualTo(15);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void legacyHeaders_areAddedWhenAskedFor() throws IOException {
    RawHttp.Response ok = get("/legacy/x");
    assertThat(ok.combined("X-RateLimit-Limit")).isEqualTo("3");
    assertThat(ok.combined("X-RateLimit-Remaining")).isEqualTo("2");
    assertThat(ok.combined("X-RateLimit-Reset")).isEqualTo("20");
    assertThat(ok.combined("RateLimit")).isEqualTo("\"default\";r=2;t=20");
  }

  @Test
  void headersNone_sendsOnlyRetryAfterWhenRefused() throws IOException {
    RawHttp.Response ok = get("/quiet/x");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.combined("RateLimit")).isNull();
    assertThat(ok.combined("RateLimit-Policy")).isNull();
    RawHttp.Response refused = get("/quiet/x");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.combined("Retry-After")).isNotNull();
    assertThat(refused.combined("RateLimit")).isNull();
  }

  @Test
  void countOnlyFailures_successesAreFreeAndTheFourthFailureIsRefused() throws IOException {
    for (int i = 0; i < 6; i++) {
      assertThat(send("POST", "/login/attempt").status()).as("success %d", i).isEqualTo(200);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(send("POST", "/login/attempt", StatusServlet.STATUS, "401").status())
          .as("failure %d", i).isEqualTo(401);
    }
    RawHttp.Response refused = send("POST", "/login/attempt", StatusServlet.STATUS, "401");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(send("POST", "/login/attempt").status())
        .as("even a would-be success waits: the failures are counted per client").isEqualTo(429);
    assertThat(get("/login/attempt").status()).as("GET is not limited").isEqualTo(200);
  }

  @Test
  void pathVariants_ofALimitedPath_shareItsLimit() throws IOException {
    assertThat(get("/strict/login").status()).isEqualTo(200);
    assertThat(get("/strict/%6Cogin").status()).isEqualTo(200);
    for (String variant : List.of("/strict/login", "/strict/%6Cogin", "/strict/a/../login",
        "/strict/login;x=y")) {
      RawHttp.Response response = get(variant);
      assertThat(response.status()).as(variant + ": " + response).isIn(400, 429);
    }
    assertThat(get("/strict/other").status()).isEqualTo(200);
  }

  @Test
  void programmatic_twoPolicies_bothReportedAndTheTighterRefusesWithExactRetryAfter()
      throws IOException {
    for (int i = 0; i < 3; i++) {
      RawHttp.Response ok = get("/programmatic/x");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.combined("RateLimit-Policy"))
          .isEqualTo("\"burst\";q=3;w=30, \"hourly\";q=100;w=3600");
    }
    RawHttp.Response refused = get("/programmatic/x");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.combined("Retry-After")).isEqualTo("10");
    assertThat(refused.combined("RateLimit")).isEqualTo("\"burst\";r=0;t=30");
    clock.advance(Duration.ofSeconds(10));
    RawHttp.Response again = get("/programmatic/x");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.combined("RateLimit")).isEqualTo("\"burst\";r=0;t=30, \"hourly\";r=96;t=134");
  }
}
