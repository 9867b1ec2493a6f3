package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.TrustedProxies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CorsPolicy} and {@link TrustedProxies} from string settings, the way
 * {@code web.xml} init-params, Spring properties or environment variables provide them. Every
 * framework adapter uses this one reader, so the setting names and their validation are the
 * same everywhere.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code allowed-origins}</td><td>exact origins and patterns separated by commas or
 *       whitespace; {@code *} for any origin, {@code null} for the opaque origin</td></tr>
 *   <tr><td>{@code allowed-methods}</td><td>methods (default GET, HEAD, POST)</td></tr>
 *   <tr><td>{@code allowed-headers}</td><td>header names, or {@code *} for any</td></tr>
 *   <tr><td>{@code exposed-headers}</td><td>header names</td></tr>
 *   <tr><td>{@code allow-credentials}</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>{@code max-age}</td><td>seconds, 0 to 86400 (default 600)</td></tr>
 *   <tr><td>{@code allow-private-network}</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>{@code reject-disallowed}</td><td>{@code true}: 403 for disallowed actual
 *       requests</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>CIDR blocks of your proxies</td></tr>
 *   <tr><td>{@code forwarded-headers}</td><td>{@code x-forwarded} (default) or
 *       {@code forwarded}</td></tr>
 * </table>
 *
 * <p>An unknown name (usually a typo) or a malformed value fails with an
 * {@link IllegalArgumentException} naming the setting and the expected form.
 */
public final class CorsSettings {

  /** Every setting name understood. */
  public static final Set<String> NAMES = Set.of("allowed-origins", "allowed-methods",
      "allowed-headers", "exposed-headers", "allow-credentials", "max-age",
      "allow-private-network", "reject-disallowed", "trusted-proxies", "forwarded-headers");

  private final Map<String, String> settings;

  private CorsSettings(Map<String, String> settings) {
    this.settings = settings;
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   */
  public static CorsSettings of(Map<String, String> settings) {
    for (String name : settings.keySet()) {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown CORS setting '" + name
            + "'; known settings are " + new TreeSet<>(NAMES));
      }
    }
    return new CorsSettings(Map.copyOf(settings));
  }

  /**
   * Builds the policy.
   *
   * @return the validated policy
   * @throws IllegalArgumentException naming the bad setting
   */
  public CorsPolicy policy() {
    CorsPolicy.Builder builder = CorsPolicy.builder();
    for (String origin : list("allowed-origins")) {
      if (origin.equals("*")) {
        builder.allowAnyOrigin();
      } else if (Ascii.equalsIgnoreCase(origin, "null")) {
        builder.allowNullOrigin();
      } else {
        builder.allowOrigins(origin);
      }
    }
    List<String> methods = list("allowed-methods");
    if (!methods.isEmpty()) {
      builder.allowMethods(methods.toArray(String[]::new));
    }
    for (String header : list("allowed-headers")) {
      if (header.equals("*")) {
        builder.allowAnyHeader();
      } else {
        builder.allowHeaders(header);
      }
    }
    builder.exposeHeaders(list("exposed-headers").toArray(String[]::new));
    if (bool("allow-credentials")) {
      builder.allowCredentials();
    }
    String maxAge = value("max-age");
    if (maxAge != null) {
      if (!maxAge.matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("max-age must be a whole number of seconds, e.g. 600");
      }
      builder.maxAge(Duration.ofSeconds(Long.parseLong(maxAge)));
    }
    if (bool("allow-private-network")) {
      builder.allowPrivateNetwork();
    }
    if (bool("reject-disallowed")) {
      builder.rejectDisallowedRequests();
    }
    return builder.build();
  }

  /**
   * Builds the trusted proxies ({@link TrustedProxies#none()} when none are listed).
   *
   * @return the validated proxies
   * @throws IllegalArgumentException naming the bad setting
   */
  public TrustedProxies trustedProxies() {
    List<String> proxies = list("trusted-proxies");
    String family = value("forwarded-headers");
    if (proxies.isEmpty()) {
      if (family != null) {
        throw new IllegalArgumentException("forwarded-headers has no effect without"
            + " trusted-proxies; list your proxies' CIDR blocks or remove it");
      }
      return TrustedProxies.none();
    }
    TrustedProxies.Builder builder = TrustedProxies.builder().trust(proxies);
    if (family != null) {
      switch (Ascii.toLowerCase(family)) {
        case "x-forwarded" -> builder.headers(TrustedProxies.HeaderFamily.X_FORWARDED);
        case "forwarded" -> builder.headers(TrustedProxies.HeaderFamily.FORWARDED);
        default -> throw new IllegalArgumentException(
            "forwarded-headers must be x-forwarded or forwarded");
      }
    }
    return builder.build();
  }

  private @Nullable String value(String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private List<String> list(String name) {
    String value = value(name);
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split("[,\\s]+")) {
        if (!item.isEmpty()) {
          items.add(item);
        }
      }
    }
    return items;
  }

  private boolean bool(String name) {
    String value = value(name);
    if (value == null) {
      return false;
    }
    return switch (Ascii.toLowerCase(value)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }
}
