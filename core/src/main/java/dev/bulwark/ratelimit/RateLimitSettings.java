package dev.bulwark.ratelimit;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.TrustedProxies;
import dev.bulwark.http.StringSettings;
import dev.bulwark.http.TrustedProxiesSettings;
import dev.bulwark.ratelimit.spi.RateLimitStore;
import dev.bulwark.ratelimit.spi.RateLimitStoreProvider;
import dev.bulwark.time.NanoClock;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a one-rule {@link RateLimitEngine} from string settings ({@code web.xml} init-params,
 * properties). Every adapter uses this reader, so names and messages are the same everywhere.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code limit}</td><td>units per period (required)</td></tr>
 *   <tr><td>{@code period}</td><td>{@code PT1M} or {@code 1m} (required)</td></tr>
 *   <tr><td>{@code name}</td><td>the policy name in headers (default {@code default})</td></tr>
 *   <tr><td>{@code burst}</td><td>units at once (default: the limit)</td></tr>
 *   <tr><td>{@code key}</td><td>{@code address} (default), {@code principal},
 *       {@code header:NAME}, {@code path}, {@code global}, or several joined by {@code +}</td></tr>
 *   <tr><td>{@code ipv6-prefix}</td><td>IPv6 grouping for address keys (default 64)</td></tr>
 *   <tr><td>{@code paths}</td><td>path patterns (default {@code /*})</td></tr>
 *   <tr><td>{@code exclude-paths}</td><td>exempt path patterns</td></tr>
 *   <tr><td>{@code methods}</td><td>methods (default: all)</td></tr>
 *   <tr><td>{@code cost}</td><td>units per request (default 1)</td></tr>
 *   <tr><td>{@code charge-statuses}</td><td>charge only these statuses, after the response
 *       (e.g. {@code 401})</td></tr>
 *   <tr><td>{@code headers}</td><td>{@code ietf} (default), {@code ietf+legacy},
 *       {@code none}</td></tr>
 *   <tr><td>{@code fail-open}</td><td>{@code true}: allow when the store fails</td></tr>
 *   <tr><td>{@code max-keys}</td><td>bound on the key table (default 100000)</td></tr>
 *   <tr><td>{@code store}</td><td>{@code local} (default) or a store URI such as
 *       {@code redis://host:6379} or {@code rediss://host:6380}, opened by the
 *       {@link RateLimitStoreProvider} for its scheme (add {@code bulwark-ratelimit-redis})</td>
 *       </tr>
 *   <tr><td>{@code store-timeout}, {@code store-key-prefix}, {@code store-password-secret},
 *       {@code store-fallback}, {@code store-tls-ca}, {@code store-cluster}</td><td>passed to
 *       the provider without the {@code store-} prefix</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>CIDR blocks of your proxies</td></tr>
 *   <tr><td>{@code forwarded-headers}</td><td>{@code x-forwarded} (default) or
 *       {@code forwarded}</td></tr>
 * </table>
 *
 * <p>An unknown name or a malformed value fails with an {@link IllegalArgumentException} naming
 * the setting and the expected form. Lists are separated by commas or whitespace.
 */
public final class RateLimitSettings {

  /** Every setting name understood. */
  public static final Set<String> NAMES = Set.of("limit", "period", "name", "burst", "key",
      "ipv6-prefix", "paths", "exclude-paths", "methods", "cost", "charge-statuses", "headers",
      "fail-open", "max-keys", "trusted-proxies", "forwarded-headers", "store", "store-timeout",
      "store-key-prefix", "store-password-secret", "store-fallback", "store-tls-ca",
      "store-cluster");

  private static final int MAX_NUMBER_DIGITS = 12;

  private final Map<String, String> settings;
  private final StringSettings reader;

  private RateLimitSettings(Map<String, String> settings) {
    this.settings = settings;
    this.reader = StringSettings.of("rate-limit", settings, NAMES);
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   * @throws IllegalArgumentException for an unknown name
   */
  public static RateLimitSettings of(Map<String, String> settings) {
    return new RateLimitSettings(Map.copyOf(settings));
  }

  /**
   * Builds the engine with a {@link LocalRateLimitStore} of {@code max-keys} keys, or the store
   * that {@code store} names.
   *
   * @param clock the clock for the limiter and the store
   * @param listener receives every decision
   * @return the engine
   * @throws IllegalArgumentException naming the bad setting, or when no provider on the class
   *     path opens the store's scheme
   */
  public RateLimitEngine engine(NanoClock clock, RateLimitListener listener) {
    RateLimitPolicy policy = policy();
    RateLimiter limiter = RateLimiter.of(policy, store(clock), clock, listener);
    RateLimitRule.Builder rule = RateLimitRule.builder(limiter)
        .paths(list("paths").toArray(String[]::new))
        .methods(list("methods").toArray(String[]::new))
        .cost(number("cost", 1));
    for (String status : list("charge-statuses")) {
      rule.chargeOnlyStatuses((int) parse("charge-statuses", status));
    }
    return RateLimitEngine.builder()
        .rule(rule.build())
        .exempt(list("exclude-paths").toArray(String[]::new))
        .resolver(ClientResolver.of(trustedProxies()))
        .headers(headerMode())
        .build();
  }

  /**
   * Builds the policy.
   *
   * @return the validated policy
   * @throws IllegalArgumentException naming the bad setting
   */
  public RateLimitPolicy policy() {
    String limit = value("limit");
    String period = value("period");
    if (limit == null || period == null) {
      throw new IllegalArgumentException("limit and period are required, e.g. limit=100 and"
          + " period=1m");
    }
    RateLimitPolicy.Builder builder = RateLimitPolicy.builder()
        .name(reader.value("name", "default"))
        .limit(parse("limit", limit))
        .per(Periods.parse(period))
        .key(key());
    String burst = value("burst");
    if (burst != null) {
      builder.burst(parse("burst", burst));
    }
    if (bool("fail-open")) {
      builder.failOpen();
    }
    return builder.build();
  }

  private RateLimitStore store(NanoClock clock) {
    long maxKeys = number("max-keys", LocalRateLimitStore.DEFAULT_MAX_KEYS);
    String location = value("store");
    if (location == null || Ascii.toLowerCase(location).equals("local")) {
      return LocalRateLimitStore.create(maxKeys, clock);
    }
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("store must be 'local' or a URI such as"
          + " redis://host:6379", e);
    }
    String scheme = uri.getScheme() == null ? "" : Ascii.toLowerCase(uri.getScheme());
    Map<String, String> options = new HashMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (e.getKey().startsWith("store-") && !e.getValue().isBlank()) {
        options.put(e.getKey().substring("store-".length()), e.getValue().strip());
      }
    }
    options.put("max-keys", Long.toString(maxKeys));
    for (RateLimitStoreProvider provider : ServiceLoader.load(RateLimitStoreProvider.class,
        RateLimitSettings.class.getClassLoader())) {
      if (provider.schemes().contains(scheme)) {
        return provider.open(uri, Map.copyOf(options), clock);
      }
    }
    throw new IllegalArgumentException("no rate-limit store provider for the scheme '"
        + printable(scheme) + "' of setting store; for redis:// and rediss:// add"
        + " dev.bulwark:bulwark-ratelimit-redis to the class path");
  }

  private RateLimitKey key() {
    int prefix = (int) number("ipv6-prefix", ClientKeys.DEFAULT_IPV6_PREFIX);
    if (prefix > 128) {
      throw new IllegalArgumentException("ipv6-prefix must be 1 to 128, got " + prefix);
    }
    RateLimitKey address = ClientKeys.address(prefix);
    String text = reader.value("key", "address");
    List<RateLimitKey> parts = new ArrayList<>();
    for (String part : text.split("\\+", -1)) {
      String p = part.strip();
      String lower = Ascii.toLowerCase(p);
      if (lower.equals("address")) {
        parts.add(address);
      } else if (lower.equals("principal")) {
        parts.add(ClientKeys.principal());
      } else if (lower.equals("path")) {
        parts.add(ClientKeys.path());
      } else if (lower.equals("global")) {
        parts.add(ClientKeys.global());
      } else if (lower.startsWith("header:")) {
        parts.add(ClientKeys.header(p.substring("header:".length()).strip()));
      } else {
        throw new IllegalArgumentException("key must be address, principal, header:NAME, path"
            + " or global, or several joined by + (like address+path)");
      }
    }
    return parts.size() == 1 ? parts.get(0) : ClientKeys.composite(parts.toArray(
        RateLimitKey[]::new));
  }

  private HeaderMode headerMode() {
    String mode = value("headers");
    if (mode == null) {
      return HeaderMode.IETF;
    }
    return switch (Ascii.toLowerCase(mode)) {
      case "ietf" -> HeaderMode.IETF;
      case "ietf+legacy" -> HeaderMode.IETF_AND_LEGACY;
      case "none" -> HeaderMode.NONE;
      default -> throw new IllegalArgumentException("headers must be ietf, ietf+legacy or none");
    };
  }

  /**
   * Builds the trusted proxies ({@link TrustedProxies#none()} when none are listed).
   *
   * @return the validated proxies
   * @throws IllegalArgumentException naming the bad setting
   */
  public TrustedProxies trustedProxies() {
    return TrustedProxiesSettings.read(value("trusted-proxies"), value("forwarded-headers"));
  }

  private long number(String name, long fallback) {
    String value = value(name);
    return value == null ? fallback : parse(name, value);
  }

  private static long parse(String name, String value) {
    if (value.isEmpty() || value.length() > MAX_NUMBER_DIGITS
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(name + " must be a whole number, got '"
          + printable(value) + "'");
    }
    long parsed = Long.parseLong(value);
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + parsed);
    }
    return parsed;
  }

  private boolean bool(String name) {
    return reader.bool(name, false);
  }

  private @Nullable String value(String name) {
    return reader.value(name);
  }

  private List<String> list(String name) {
    return reader.list(name);
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < 32; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
