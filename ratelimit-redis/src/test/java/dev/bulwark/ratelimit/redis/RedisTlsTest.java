package dev.bulwark.ratelimit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bulwark.ratelimit.RateLimitDecision;
import dev.bulwark.ratelimit.RateLimitEngine;
import dev.bulwark.ratelimit.RateLimitListener;
import dev.bulwark.ratelimit.RateLimitPolicy;
import dev.bulwark.ratelimit.RateLimitSettings;
import dev.bulwark.ratelimit.RateLimiter;
import dev.bulwark.testkit.RequiresTool;
import dev.bulwark.testkit.redis.RedisServer;
import dev.bulwark.time.NanoClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://}: a TLS-only redis-server on a loopback port with a throwaway CA made by
 * {@code openssl}, the store trusting that CA, and the password from the secrets loader.
 */
@RequiresTool({"redis-server", "openssl"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisTlsTest {

  private static final String PASSWORD = "tls-test-password-only";
  private static final String SECRET_NAME = "bulwark.test.redis-tls.password";
  private static final RateLimitPolicy POLICY = RateLimitPolicy.builder().name("tls").limit(2)
      .per(Duration.ofHours(1)).build();

  @TempDir
  static Path dir;

  private RedisServer server;
  private Path ca;

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
    assertEquals(0, p.exitValue(), () -> "openssl " + String.join(" ", args) + ": "
        + readQuietly(dir.resolve("openssl.log")));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @BeforeAll
  void startTlsRedis() throws Exception {
    String ec = "ec_paramgen_curve:prime256v1";
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "ca.key",
        "-out", "ca.crt", "-days", "2", "-subj", "/CN=Bulwark throwaway test CA");
    openssl("req", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=127.0.0.1");
    Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n",
        StandardCharsets.US_ASCII);
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.cnf");
    ca = dir.resolve("ca.crt");
    int port = RedisServer.freePort();
    server = RedisServer.start(port, "--port", "0", "--tls-port", Integer.toString(port),
        "--tls-cert-file", dir.resolve("server.crt").toString(),
        "--tls-key-file", dir.resolve("server.key").toString(),
        "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", "no",
        "--requirepass", PASSWORD);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.kill();
    }
  }

  private String tlsUri() {
    return "rediss://127.0.0.1:" + server.port();
  }

  @Test
  void settings_redissWithTrustedCaAndPasswordSecret_decidesInRedis() {
    System.setProperty(SECRET_NAME, PASSWORD);
    RateLimitEngine engine;
    try {
      engine = RateLimitSettings.of(Map.of("limit", "2", "period", "1h",
              "store", tlsUri(), "store-tls-ca", ca.toString(),
              "store-password-secret", SECRET_NAME, "store-timeout", "2s"))
          .engine(NanoClock.system(), RateLimitListener.NONE);
    } finally {
      System.clearProperty(SECRET_NAME);
    }
    try {
      RateLimiter limiter = engine.rules().get(0).limiter();
      assertTrue(limiter.tryAcquire("k").allowed());
      assertTrue(limiter.tryAcquire("k").allowed());
      RateLimitDecision third = limiter.tryAcquire("k");
      assertFalse(third.allowed(), "the limit is enforced over TLS");
      assertFalse(third.storeFailed(), "decided by Redis, not a store failure");
    } finally {
      assertTrue(engine.closeStores().isEmpty());
    }
  }

  @Test
  void builder_redissWithTrustedCa_decidesInRedis() {
    try (RedisRateLimitStore store = RedisRateLimitStore.builder().uri(tlsUri())
        .trustedCertificates(ca).password(dev.bulwark.secrets.Secret.ofBytes(
            PASSWORD.getBytes(StandardCharsets.UTF_8)))
        .commandTimeout(Duration.ofSeconds(2)).build()) {
      RateLimitDecision decision = RateLimiter.of(POLICY, store).tryAcquire("b");
      assertTrue(decision.allowed());
      assertFalse(decision.storeFailed());
      assertEquals(1, decision.remaining());
    }
  }

  @Test
  void rediss_withoutTrustingTheCa_isAStoreFailureNotADecision() {
    try (RedisRateLimitStore store = RedisRateLimitStore.builder().uri(tlsUri())
        .password(dev.bulwark.secrets.Secret.ofBytes(PASSWORD.getBytes(StandardCharsets.UTF_8)))
        .commandTimeout(Duration.ofSeconds(2)).build()) {
      RateLimitDecision decision = RateLimiter.of(POLICY, store).tryAcquire("u");
      assertTrue(decision.storeFailed(), "an untrusted server certificate is never accepted");
      assertFalse(decision.allowed(), "fail closed by default");
    }
  }

  @Test
  void plainRedisUri_toATlsPort_isAStoreFailure() {
    try (RedisRateLimitStore store = RedisRateLimitStore.builder()
        .uri("redis://127.0.0.1:" + server.port()).commandTimeout(Duration.ofSeconds(1))
        .build()) {
      assertTrue(RateLimiter.of(POLICY, store).tryAcquire("p").storeFailed());
    }
  }

  @Test
  void trustedCertificates_withPlainRedisUri_failsAtBuildNamingTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimitStore.builder().uri("redis://127.0.0.1:6379")
            .trustedCertificates(ca).build());
    assertTrue(e.getMessage().contains("rediss://"), e.getMessage());
  }

  @Test
  void trustedCertificates_missingFile_failsAtBuildNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimitStore.builder().uri(tlsUri())
            .trustedCertificates(dir.resolve("absent.pem")).build());
    assertTrue(e.getMessage().contains("store-tls-ca"), e.getMessage());
  }
}
