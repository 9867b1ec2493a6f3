package dev.bulwark.demo;

import dev.bulwark.cors.CorsPolicy;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.https.HttpsPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The demo's command-line options, parsed and checked at once: a bad value fails here with a
 * one-line message naming the option and the fix. Immutable.
 */
public final class DemoOptions {

  /** The help text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "Usage: java -jar bulwark-demo.jar [options]",
      "  --http-port N          plain-HTTP port, redirected to HTTPS except /health (8080; 0 = any"
          + " free port)",
      "  --https-port N         HTTPS port (8443; 0 = any free port)",
      "  --host NAME            the canonical host name (localhost); plain-HTTP requests for"
          + " another host get 400",
      "  --bind ADDRESS         the address to listen on (127.0.0.1; 0.0.0.0 for every"
          + " interface)",
      "  --data-dir DIR         where the certificate, keyset, master secret and database live"
          + " (./bulwark-demo-data)",
      "  --cors-origin ORIGIN   an origin allowed to call /api with credentials; repeatable;"
          + " exact (https://app.example.com) or a pattern (https://*.example.com)",
      "  --trusted-proxy CIDR   a reverse proxy whose X-Forwarded-* headers are believed;"
          + " repeatable",
      "  --redis URI            keep rate-limit state in Redis (redis://host:6379) to share it"
          + " between instances",
      "  --login-limit N/PERIOD failed log-ins allowed per client address and per user name"
          + " (5/1m)",
      "  --api-limit N/PERIOD   /api requests allowed per client address (60/1m)",
      "  --jdbc-url URL         the database (an H2 file in the data directory;"
          + " jdbc:postgresql://... works)",
      "  --bcrypt-cost N        bcrypt cost for new password hashes, 10 to 31 (12)",
      "  --help                 print this text");

  private final int httpPort;
  private final int httpsPort;
  private final String host;
  private final String bind;
  private final Path dataDir;
  private final List<String> corsOrigins;
  private final List<String> trustedProxies;
  private final @Nullable String redis;
  private final RatePerPeriod loginLimit;
  private final RatePerPeriod apiLimit;
  private final @Nullable String jdbcUrl;
  private final int bcryptCost;
  private final boolean help;

  private DemoOptions(Parser p) {
    this.httpPort = p.httpPort;
    this.httpsPort = p.httpsPort;
    this.host = p.host;
    this.bind = p.bind;
    this.dataDir = p.dataDir;
    this.corsOrigins = List.copyOf(p.corsOrigins);
    this.trustedProxies = List.copyOf(p.trustedProxies);
    this.redis = p.redis;
    this.loginLimit = p.loginLimit;
    this.apiLimit = p.apiLimit;
    this.jdbcUrl = p.jdbcUrl;
    this.bcryptCost = p.bcryptCost;
    this.help = p.help;
  }

  /**
   * Parses the command line. Options take their value as the next argument or after
   * {@code =} ({@code --http-port=0}).
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException with a one-line message naming the option and the fix
   */
  public static DemoOptions parse(String... args) {
    Objects.requireNonNull(args, "args");
    Parser parser = new Parser();
    for (int i = 0; i < args.length; i++) {
      String arg = Objects.requireNonNull(args[i], "argument");
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (name.equals("--help") || name.equals("-h")) {
        parser.help = true;
        continue;
      }
      if (!Parser.NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown option '" + name + "'; run with --help to"
            + " list the options");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value; run with --help for its"
              + " form");
        }
        value = args[++i];
      }
      parser.set(name, value);
    }
    parser.check();
    return new DemoOptions(parser);
  }

  /** The plain-HTTP port; 0 picks a free one. @return the port */
  public int httpPort() {
    return httpPort;
  }

  /** The HTTPS port; 0 picks a free one. @return the port */
  public int httpsPort() {
    return httpsPort;
  }

  /** The canonical host. @return the host name or IP literal */
  public String host() {
    return host;
  }

  /** The address the connectors listen on. @return the address */
  public String bind() {
    return bind;
  }

  /** The data directory. @return the directory */
  public Path dataDir() {
    return dataDir;
  }

  /** Origins allowed to call {@code /api} cross-origin with credentials. @return the origins */
  public List<String> corsOrigins() {
    return corsOrigins;
  }

  /** Trusted reverse proxies. @return CIDR ranges */
  public List<String> trustedProxies() {
    return trustedProxies;
  }

  /** The Redis URI for shared rate limits. @return the URI, if given */
  public Optional<String> redis() {
    return Optional.ofNullable(redis);
  }

  /** Failed log-ins allowed per client address and per user name. @return the limit */
  RatePerPeriod loginLimit() {
    return loginLimit;
  }

  /** {@code /api} requests allowed per client address. @return the limit */
  RatePerPeriod apiLimit() {
    return apiLimit;
  }

  /** The JDBC URL. @return the URL, if given (else an H2 file in the data directory) */
  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(jdbcUrl);
  }

  /** The bcrypt cost for new hashes. @return 10 to 31 */
  public int bcryptCost() {
    return bcryptCost;
  }

  /** Whether {@code --help} was given. @return true to print the usage and stop */
  public boolean help() {
    return help;
  }

  @Override
  public String toString() {
    return "DemoOptions[http " + httpPort + ", https " + httpsPort + ", host " + host + ", bind "
        + bind + ", data " + dataDir + ", cors " + corsOrigins + ", proxies " + trustedProxies
        + ", redis " + (redis == null ? "no" : "yes") + ", login " + loginLimit + ", api "
        + apiLimit + "]";
  }

  /** Collects values; not thread-safe. */
  private static final class Parser {
    static final List<String> NAMES = List.of("--http-port", "--https-port", "--host", "--bind",
        "--data-dir", "--cors-origin", "--trusted-proxy", "--redis", "--login-limit",
        "--api-limit", "--jdbc-url", "--bcrypt-cost");

    int httpPort = 8080;
    int httpsPort = 8443;
    String host = "localhost";
    String bind = "127.0.0.1";
    Path dataDir = Path.of("bulwark-demo-data");
    final List<String> corsOrigins = new ArrayList<>();
    final List<String> trustedProxies = new ArrayList<>();
    @Nullable String redis;
    RatePerPeriod loginLimit = new RatePerPeriod(5, Duration.ofMinutes(1));
    RatePerPeriod apiLimit = new RatePerPeriod(60, Duration.ofMinutes(1));
    @Nullable String jdbcUrl;
    int bcryptCost = 12;
    boolean help;

    void set(String name, String value) {
      switch (name) {
        case "--http-port" -> httpPort = integer(name, value, 0, 65_535);
        case "--https-port" -> httpsPort = integer(name, value, 0, 65_535);
        case "--host" -> host = nonBlank(name, value);
        case "--bind" -> bind = nonBlank(name, value);
        case "--data-dir" -> dataDir = Path.of(nonBlank(name, value));
        case "--cors-origin" -> corsOrigins.add(nonBlank(name, value));
        case "--trusted-proxy" -> trustedProxies.add(nonBlank(name, value));
        case "--redis" -> redis = redisUri(value);
        case "--login-limit" -> loginLimit = RatePerPeriod.parse(name, value);
        case "--api-limit" -> apiLimit = RatePerPeriod.parse(name, value);
        case "--jdbc-url" -> jdbcUrl = jdbcUrl(value);
        case "--bcrypt-cost" -> bcryptCost = integer(name, value, 10, 31);
        default -> throw new IllegalStateException("option without a setter: " + name);
      }
    }

    /** Checks the values that Bulwark's policy builders validate, naming the option. */
    void check() {
      if (httpPort != 0 && httpPort == httpsPort) {
        throw new IllegalArgumentException("--http-port and --https-port are both " + httpPort
            + "; give them different ports");
      }
      try {
        HttpsPolicy.builder().allowHosts(host).build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--host: " + e.getMessage(), e);
      }
      try {
        TrustedProxies.builder().trust(trustedProxies).build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--trusted-proxy: " + e.getMessage(), e);
      }
      if (!corsOrigins.isEmpty()) {
        try {
          CorsPolicy.builder().allowOrigins(corsOrigins).allowCredentials().build();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--cors-origin: " + e.getMessage(), e);
        }
      }
    }

    private static int integer(String name, String value, int min, int max) {
      try {
        int n = Integer.parseInt(value.strip());
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " takes a whole number from " + min + " to "
          + max + ", got '" + value + "'");
    }

    private static String nonBlank(String name, String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " needs a non-empty value");
      }
      return value.strip();
    }

    private static String redisUri(String value) {
      if (!value.startsWith("redis://") && !value.startsWith("rediss://")) {
        throw new IllegalArgumentException("--redis takes a URI such as redis://localhost:6379"
            + " (or rediss:// for TLS), got '" + value + "'");
      }
      return value;
    }

    private static String jdbcUrl(String value) {
      if (!value.startsWith("jdbc:")) {
        throw new IllegalArgumentException("--jdbc-url takes a JDBC URL such as"
            + " jdbc:postgresql://localhost/demo?user=demo&password=..., got a value not"
            + " starting with jdbc:");
      }
      return value;
    }
  }
}
