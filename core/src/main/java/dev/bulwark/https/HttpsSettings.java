package dev.bulwark.https;

import dev.bulwark.http.StringSettings;
import dev.bulwark.http.TrustedProxies;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link HttpsPolicy} and {@link TrustedProxies} from string settings (init-params,
 * properties). Every adapter uses this one reader, so names and messages are the same
 * everywhere.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code allowed-hosts}</td><td>required: canonical host names, separated by commas or
 *       whitespace</td></tr>
 *   <tr><td>{@code https-port}</td><td>target port for unmapped plain ports (default 443)</td></tr>
 *   <tr><td>{@code port-map}</td><td>pairs {@code http:https}, e.g. {@code 8080:8443}; 80:443 is
 *       implicit</td></tr>
 *   <tr><td>{@code status}</td><td>308 (default), 301 or 307</td></tr>
 *   <tr><td>{@code exclude-paths}</td><td>exact paths and {@code /prefix/*} patterns served on
 *       plain HTTP</td></tr>
 *   <tr><td>{@code hsts}</td><td>{@code true} (default) or {@code false}</td></tr>
 *   <tr><td>{@code hsts-max-age}</td><td>seconds, 0 to 63072000 (default 31536000)</td></tr>
 *   <tr><td>{@code hsts-include-subdomains}</td><td>{@code true} (default) or
 *       {@code false}</td></tr>
 *   <tr><td>{@code hsts-preload}</td><td>{@code true} or {@code false} (default)</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>CIDR blocks of your proxies</td></tr>
 *   <tr><td>{@code forwarded-headers}</td><td>{@code x-forwarded} (default) or
 *       {@code forwarded}</td></tr>
 * </table>
 */
public final class HttpsSettings {

  /** Every setting name understood. */
  public static final Set<String> NAMES = Set.of("allowed-hosts", "https-port", "port-map",
      "status", "exclude-paths", "hsts", "hsts-max-age", "hsts-include-subdomains",
      "hsts-preload", "trusted-proxies", "forwarded-headers");

  private final StringSettings settings;

  private HttpsSettings(StringSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   * @throws IllegalArgumentException for an unknown name
   */
  public static HttpsSettings of(Map<String, String> settings) {
    return new HttpsSettings(StringSettings.of("HTTPS", settings, NAMES));
  }

  /**
   * Builds the policy.
   *
   * @return the validated policy
   * @throws IllegalArgumentException naming the bad setting
   */
  public HttpsPolicy policy() {
    HttpsPolicy.Builder builder = HttpsPolicy.builder().allowHosts(settings.list("allowed-hosts"));
    builder.httpsPort(port("https-port", settings.value("https-port"), 443));
    for (String pair : settings.list("port-map")) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("port-map entries are http:https port pairs such as"
            + " 8080:8443");
      }
      builder.mapPort(port("port-map", pair.substring(0, colon), 0),
          port("port-map", pair.substring(colon + 1), 0));
    }
    builder.status((int) settings.wholeNumber("status", 308));
    builder.excludePaths(settings.list("exclude-paths"));
    if (!settings.bool("hsts", true)) {
      builder.withoutHsts();
    }
    builder.hstsMaxAge(Duration.ofSeconds(
        settings.wholeNumber("hsts-max-age", HttpsPolicy.ONE_YEAR_SECONDS)));
    builder.hstsIncludeSubDomains(settings.bool("hsts-include-subdomains", true));
    if (settings.bool("hsts-preload", false)) {
      builder.hstsPreload();
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

  private static int port(String name, @org.jspecify.annotations.Nullable String text,
      int absent) {
    if (text == null) {
      return absent;
    }
    if (!StringSettings.isDigits(text, 5)) {
      throw new IllegalArgumentException(name + ": ports are whole numbers 1 to 65535");
    }
    return Integer.parseInt(text);
  }
}
