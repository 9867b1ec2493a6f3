package dev.bulwark.ratelimit.redis;

import dev.bulwark.http.Ascii;
import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.Periods;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreProvider;
import dev.bulwark.secrets.Secrets;
import dev.bulwark.time.NanoClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens a {@link RedisRateLimitStore} for the settings {@code store=redis://host:port} or
 * {@code rediss://host:port}, found by {@link java.util.ServiceLoader}.
 *
 * <p>Options (settings without their {@code store-} prefix): {@code timeout} (command timeout,
 * e.g. {@code 100ms}), {@code key-prefix}, {@code password-secret} (the name of a secret read
 * from system properties or the environment with {@link Secrets}, e.g. {@code redis.password}
 * for {@code REDIS_PASSWORD} or {@code REDIS_PASSWORD_FILE}; never a password itself) and
 * {@code fallback} ({@code none}, the default, or {@code local}: decide with a
 * {@link LocalRateLimitStore} of {@code max-keys} keys while Redis fails) and {@code tls-ca}
 * (with {@code rediss://}: a PEM file of the CA certificates to trust instead of the JVM's
 * default trust store) and {@code cluster} ({@code false}, the default, or {@code true}: the
 * URI names one node of a Redis Cluster, from which the others are discovered). A password in
 * the URI is refused. Thread-safe.
 */
public final class RedisRateLimitStoreProvider implements RateLimitStoreProvider {

  private static final Set<String> OPTIONS =
      Set.of("timeout", "key-prefix", "password-secret", "fallback", "max-keys", "tls-ca",
          "cluster");

  /** For {@link java.util.ServiceLoader}. */
  public RedisRateLimitStoreProvider() {
    // nothing to set up
  }

  @Override
  public Set<String> schemes() {
    return Set.of("redis", "rediss");
  }

  @Override
  public RateLimitStore open(URI uri, Map<String, String> options, NanoClock clock) {
    for (String name : options.keySet()) {
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown Redis store setting 'store-" + name
            + "'; known: " + new TreeSet<>(OPTIONS));
      }
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("put the Redis password in a secret named by"
          + " store-password-secret, not in the store URI");
    }
    RedisRateLimitStore.Builder builder = RedisRateLimitStore.builder().uri(uri.toString());
    String cluster = Ascii.toLowerCase(options.getOrDefault("cluster", "false"));
    switch (cluster) {
      case "false" -> { }
      case "true" -> builder.cluster(true);
      default -> throw new IllegalArgumentException(
          "store-cluster must be 'true' (the store URI names a Redis Cluster node) or 'false'");
    }
    String timeout = options.get("timeout");
    if (timeout != null) {
      builder.commandTimeout(Periods.parse(timeout));
    }
    String prefix = options.get("key-prefix");
    if (prefix != null) {
      builder.keyPrefix(prefix);
    }
    String ca = options.get("tls-ca");
    if (ca != null) {
      builder.trustedCertificates(Path.of(ca));
    }
    String secret = options.get("password-secret");
    if (secret != null) {
      builder.password(Secrets.builder().systemProperties().environment().build()
          .require(secret));
    }
    String fallback = Ascii.toLowerCase(options.getOrDefault("fallback", "none"));
    switch (fallback) {
      case "none" -> { }
      case "local" -> builder.fallback(LocalRateLimitStore.create(
          Long.parseLong(options.getOrDefault("max-keys",
              Long.toString(LocalRateLimitStore.DEFAULT_MAX_KEYS))), clock));
      default -> throw new IllegalArgumentException(
          "store-fallback must be 'none' or 'local'");
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "RedisRateLimitStoreProvider[redis, rediss]";
  }
}
