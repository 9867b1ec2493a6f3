package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.StringSettings;
import dev.bulwark.http.TrustedProxies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final StringSettings settings;

  private CorsSettings(StringSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   */
  public static CorsSettings of(Map<String, String> settings) {
    return new CorsSettings(StringSettings.of("CORS", settings, NAMES));
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
    return settings.trustedProxies();
  }

  private @Nullable String value(String name) {
    return settings.value(name);
  }

  private List<String> list(String name) {
    return settings.list(name);
  }

  private boolean bool(String name) {
    return settings.bool(name, false);
  }
}
