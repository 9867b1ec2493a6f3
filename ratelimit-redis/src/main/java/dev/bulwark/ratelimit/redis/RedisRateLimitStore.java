package dev.bulwark.ratelimit.redis;

import dev.bulwark.ratelimit.LocalRateLimitStore;
import dev.bulwark.ratelimit.spi.Gcra;
import dev.bulwark.ratelimit.spi.GcraParams;
import dev.bulwark.ratelimit.spi.GcraResult;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreException;
import dev.bulwark.secrets.Secret;
import dev.bulwark.time.NanoClock;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RateLimitStore} on Redis: one server (or a primary behind a stable address), or a
 * Redis Cluster with {@link Builder#cluster(boolean)}.
 *
 * <pre>{@code
 * RedisRateLimitStore store = RedisRateLimitStore.builder()
 *     .uri("rediss://redis.internal:6380")
 *     .password(secrets.get("REDIS_PASSWORD"))
 *     .commandTimeout(Duration.ofMillis(100))
 *     .build();
 * RateLimiter limiter = RateLimiter.of(policy, store);
 * }</pre>
 *
 * <p><b>Decisions.</b> One {@code EVALSHA} per decision runs the whole {@link Gcra} step in
 * Redis; a node that answers {@code NOSCRIPT} (new, restarted or flushed) gets one {@code EVAL}
 * of the script's source, which also caches it there. The
 * time is Redis's {@code TIME}, so every node sharing the Redis agrees exactly whatever its own
 * clock; the {@code nowNanos} argument is ignored unless {@link Builder#callerClock} is set.
 * Keys are {@code {prefix + key}} (a Redis Cluster hash tag) and expire when their state is
 * full again, so Redis holds only keys in use; bound memory with {@code maxmemory}. On a
 * cluster, each decision goes to the node serving its key's slot (redirections are followed;
 * the topology is also refreshed every minute), so a node's failure affects only the keys it serves.
 *
 * <p><b>Failures.</b> Every command has a bounded timeout. When Redis is unreachable, slow or
 * answers an error, {@link #acquire} throws {@link RateLimitStoreException} (the
 * {@link dev.bulwark.ratelimit.RateLimiter} applies the policy's fail-open or fail-closed choice
 * and tells its listener), or, with {@link Builder#fallback}, decides with a local store and
 * throws a {@link RateLimitStoreException} carrying that decision
 * ({@link RateLimitStoreException#fallbackResult()}), which the limiter answers with while
 * still reporting the failure to its listener. While
 * disconnected, commands fail at once (no queueing) and the client reconnects in the background;
 * decisions go back to Redis as soon as it answers. Messages never contain a key or the password.
 *
 * <p>Tolerances ({@code burst × emission interval}) up to 2^53 ns (about 104 days) only: Redis
 * scripts compute with doubles. Thread-safe; {@link #close()} releases the connection.
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long RECONNECT_BACKOFF_NANOS = 1_000_000_000L;
  /** Commands a cluster node connection holds while connecting; beyond, decisions fail. */
  private static final int CLUSTER_QUEUE = 10_000;

  private final RedisURI uri;
  private final String keyPrefix;
  private final boolean cluster;
  private final ClientResources resources;
  private final AbstractRedisClient client;
  private final Connector connector;
  private final @Nullable LocalRateLimitStore fallback;
  private final boolean redisTime;
  private final long callerOrigin;
  private final NanoClock backoffClock = NanoClock.system();
  private final Object connectLock = new Object();
  private volatile @Nullable Link connection;
  private volatile long nextConnectAttempt;
  private volatile boolean closed;

  private RedisRateLimitStore(Builder b) {
    this.uri = Objects.requireNonNull(b.uri, "uri");
    uri.setTimeout(b.commandTimeout);
    if (b.password != null) {
      uri.setAuthentication(b.password.chars());
    }
    this.keyPrefix = b.keyPrefix;
    this.cluster = b.cluster;
    this.fallback = b.fallback;
    NanoClock caller = b.callerClock;
    this.redisTime = caller == null;
    this.callerOrigin = caller == null ? 0 : caller.nanoTime();
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.constant(Duration.ofMillis(200)))
        .build();
    if (b.cluster) {
      RedisClusterClient clusterClient = RedisClusterClient.create(resources, uri);
      ClusterClientOptions.Builder options = ClusterClientOptions.builder()
          .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
              .enablePeriodicRefresh(Duration.ofMinutes(1))
              .build());
      configure(options, b);
      // The cluster client connects to each node on the key's first command and would reject
      // commands until then; so it queues them instead (a bounded queue), and the command
      // timeout still bounds every decision, the same as a slow Redis.
      options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
          .requestQueueSize(CLUSTER_QUEUE);
      clusterClient.setOptions(options.build());
      this.client = clusterClient;
      this.connector = () -> {
        StatefulRedisClusterConnection<String, String> c = clusterClient.connect(StringCodec.UTF8);
        return new Link(c, c.sync());
      };
    } else {
      RedisClient standalone = RedisClient.create(resources, uri);
      ClientOptions.Builder options = ClientOptions.builder();
      configure(options, b);
      standalone.setOptions(options.build());
      this.client = standalone;
      this.connector = () -> {
        StatefulRedisConnection<String, String> c = standalone.connect(StringCodec.UTF8);
        return new Link(c, c.sync());
      };
    }
  }

  /** The settings both client kinds share: TLS trust, reconnection, timeouts. */
  private static void configure(ClientOptions.Builder options, Builder b) {
    Path trusted = b.trustedCertificates;
    if (trusted != null) {
      options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(trusted.toFile())
          .build());
    }
    options.autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(b.commandTimeout).build())
        .timeoutOptions(TimeoutOptions.enabled(b.commandTimeout));
  }

  /** An open connection, standalone or cluster, and the commands both kinds share. */
  private record Link(StatefulConnection<String, String> connection,
      RedisClusterCommands<String, String> commands) {}

  /** Opens a {@link Link} with the store's client. */
  @FunctionalInterface
  private interface Connector {
    Link connect();
  }

  /**
   * A fresh builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public GcraResult acquire(String key, long cost, GcraParams params, long nowNanos) {
    return decide(key, cost, params, nowNanos, true);
  }

  @Override
  public GcraResult check(String key, long cost, GcraParams params, long nowNanos) {
    return decide(key, cost, params, nowNanos, false);
  }

  private GcraResult decide(String key, long cost, GcraParams params, long nowNanos,
      boolean charge) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(params, "params");
    Gcra.checkCost(cost, params);
    if (params.toleranceNanos() > GcraScript.MAX_TOLERANCE_NANOS) {
      throw new IllegalArgumentException("the Redis store supports burst * emission interval up"
          + " to 2^53 ns (about 104 days); lower the burst or the period");
    }
    try {
      return run(key, cost, params, nowNanos, charge);
    } catch (RuntimeException e) {
      LocalRateLimitStore local = fallback;
      if (local == null) {
        throw e instanceof RateLimitStoreException r ? r
            : new RateLimitStoreException("Redis rate-limit store failed: "
                + e.getClass().getSimpleName(), e);
      }
      GcraResult decided = charge ? local.acquire(key, cost, params, nowNanos)
          : local.check(key, cost, params, nowNanos);
      // Thrown with the local decision, so the limiter answers with it and still tells its
      // listener that Redis failed.
      throw new RateLimitStoreException("Redis rate-limit store failed ("
          + e.getClass().getSimpleName() + "); decided by the local fallback", e, decided);
    }
  }

  private GcraResult run(String key, long cost, GcraParams params, long nowNanos,
      boolean charge) {
    RedisClusterCommands<String, String> commands = connection().commands();
    long relative = nowNanos - callerOrigin;
    String[] keys = {keyPrefix.isEmpty() ? "{" + key + "}" : "{" + keyPrefix + key + "}"};
    String[] args = {charge ? "1" : "0", Long.toString(cost),
        Long.toString(params.emissionIntervalNanos()), Long.toString(params.burst()),
        redisTime ? "1" : "0", Long.toString(Math.floorDiv(relative, NANOS_PER_SECOND)),
        Long.toString(Math.floorMod(relative, NANOS_PER_SECOND))};
    List<Object> reply;
    try {
      reply = commands.evalsha(GcraScript.SHA, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      // This node lacks the script (new, restarted or flushed): EVAL runs it on the same node
      // (the key's) and caches it there, so the next EVALSHA succeeds.
      reply = commands.eval(GcraScript.SOURCE, ScriptOutputType.MULTI, keys, args);
    }
    if (reply.size() != 4) {
      throw new RateLimitStoreException("Redis rate-limit script answered " + reply.size()
          + " values instead of 4");
    }
    return new GcraResult(number(reply.get(0)) == 1, number(reply.get(1)),
        number(reply.get(2)), number(reply.get(3)));
  }

  private static long number(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    throw new RateLimitStoreException("Redis rate-limit script answered a non-integer");
  }

  private Link connection() {
    Link current = connection;
    if (current != null) {
      return current;
    }
    synchronized (connectLock) {
      current = connection;
      if (current != null) {
        return current;
      }
      if (closed) {
        throw new RateLimitStoreException("Redis rate-limit store is closed");
      }
      long now = backoffClock.nanoTime();
      if (now - nextConnectAttempt < 0) {
        throw new RateLimitStoreException("Redis unreachable; next connection attempt soon");
      }
      try {
        current = connector.connect();
      } catch (RuntimeException e) {
        nextConnectAttempt = now + RECONNECT_BACKOFF_NANOS;
        throw new RateLimitStoreException("Redis unreachable: " + e.getClass().getSimpleName(),
            e);
      }
      connection = current;
      return current;
    }
  }

  /** Closes the connection and the client's threads. */
  @Override
  public void close() {
    synchronized (connectLock) {
      closed = true;
      Link current = connection;
      connection = null;
      if (current != null) {
        current.connection().close();
      }
    }
    client.shutdown();
    resources.shutdown();
  }

  @Override
  public String toString() {
    return "RedisRateLimitStore[" + (cluster ? "cluster via " : "") + uri.getHost() + ":" + uri.getPort() + ", prefix "
        + keyPrefix + (redisTime ? ", Redis time" : ", caller time")
        + (fallback == null ? "" : ", local fallback") + "]";
  }

  /** Collects the store's settings; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private @Nullable RedisURI uri;
    private @Nullable Secret password;
    private String keyPrefix = "bulwark:rl:";
    private Duration commandTimeout = Duration.ofMillis(250);
    private @Nullable LocalRateLimitStore fallback;
    private @Nullable NanoClock callerClock;
    private @Nullable Path trustedCertificates;
    private boolean cluster;

    private Builder() {}

    /**
     * Whether {@link #uri} names a node of a Redis Cluster (default {@code false}). With
     * {@code true} the store discovers the cluster's nodes from that node and sends each
     * decision to the node serving its key (settings: {@code store-cluster=true}). The URI
     * must not select a database ({@code /db}): a cluster has only database 0.
     *
     * @param cluster {@code true} for Redis Cluster
     * @return this builder
     */
    public Builder cluster(boolean cluster) {
      this.cluster = cluster;
      return this;
    }

    /**
     * Where Redis is: {@code redis://host:port[/db]}, or {@code rediss://} for TLS. Put the
     * password in {@link #password}, not in the URI.
     *
     * @param uri the URI
     * @return this builder
     * @throws IllegalArgumentException when the URI is not a redis or rediss URI
     */
    public Builder uri(String uri) {
      Objects.requireNonNull(uri, "uri");
      if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
        throw new IllegalArgumentException("the Redis URI must start with redis:// or rediss://");
      }
      this.uri = RedisURI.create(uri);
      return this;
    }

    /**
     * For {@code rediss://}: trust the certificate authorities in this PEM file (for example a
     * private CA that signed the Redis server's certificate) instead of the JVM's default trust
     * store. The server's certificate must still name the URI's host (a DNS or IP subject
     * alternative name): the host name is verified.
     *
     * @param pemFile a PEM file of one or more CA certificates
     * @return this builder
     */
    public Builder trustedCertificates(Path pemFile) {
      this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
      return this;
    }

    /**
     * The password (Redis {@code AUTH}); never logged or shown by {@code toString()}.
     *
     * @param password the password, for example from {@code dev.bulwark.secrets.Secrets}
     * @return this builder
     */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The prefix of every key (default {@code bulwark:rl:}); the key is {@code {prefix key}}.
     *
     * @param prefix the prefix, may be empty
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * The longest a connection attempt or a decision may wait for Redis (default 250 ms).
     *
     * @param timeout 1 ms to 10 s
     * @return this builder
     * @throws IllegalArgumentException outside 1 ms to 10 s
     */
    public Builder commandTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofSeconds(10))
          > 0) {
        throw new IllegalArgumentException("commandTimeout must be 1 ms to 10 s, got " + timeout);
      }
      this.commandTimeout = timeout;
      return this;
    }

    /**
     * Decides with {@code local} while Redis fails, instead of failing the decision. Each node
     * then limits on its own (up to the limit per node) until Redis answers again.
     *
     * @param local the local store
     * @return this builder
     */
    public Builder fallback(LocalRateLimitStore local) {
      this.fallback = Objects.requireNonNull(local, "local");
      return this;
    }

    /**
     * Uses the caller's {@code nowNanos} instead of Redis's {@code TIME}. Only for one node (or
     * tests with a fake clock): nodes do not share a {@code nanoTime} origin.
     *
     * @param clock the clock whose readings the callers pass
     * @return this builder
     */
    public Builder callerClock(NanoClock clock) {
      this.callerClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the store. It connects on first use, so an unreachable Redis at start-up is a
     * store failure, not an error here.
     *
     * @return the store
     * @throws IllegalArgumentException when no URI was given, or a cluster URI selects a
     *     database
     */
    public RedisRateLimitStore build() {
      RedisURI target = uri;
      if (target == null) {
        throw new IllegalArgumentException("a Redis URI is required: uri(\"redis://host:port\")");
      }
      if (cluster && target.getDatabase() != 0) {
        throw new IllegalArgumentException("store-cluster: Redis Cluster has only database 0;"
            + " remove /" + target.getDatabase() + " from the store URI");
      }
      Path trusted = trustedCertificates;
      if (trusted != null) {
        if (!target.isSsl()) {
          throw new IllegalArgumentException("trusted certificates (store-tls-ca) are for TLS;"
              + " use a rediss:// URI");
        }
        if (!Files.isReadable(trusted)) {
          throw new IllegalArgumentException("store-tls-ca: cannot read the CA certificate file "
              + trusted + "; give the path of a readable PEM file");
        }
      }
      return new RedisRateLimitStore(this);
    }
  }
}
