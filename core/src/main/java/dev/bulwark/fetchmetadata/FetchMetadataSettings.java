package dev.bulwark.fetchmetadata;

import dev.bulwark.http.StringSettings;
import dev.bulwark.http.TrustedProxies;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link FetchMetadataPolicy} and {@link TrustedProxies} from string settings
 * (init-params, properties). Every adapter uses this one reader.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code allow-same-site}</td><td>{@code true} or {@code false} (default)</td></tr>
 *   <tr><td>{@code allowed-paths}</td><td>exact paths and {@code /prefix/*} patterns that
 *       accept cross-site requests</td></tr>
 *   <tr><td>{@code allowed-origins}</td><td>exact origins accepted cross-site</td></tr>
 *   <tr><td>{@code report-only}</td><td>{@code true} or {@code false} (default)</td></tr>
 *   <tr><td>{@code allow-without-origin-or-referer}</td><td>{@code true} or {@code false}
 *       (default): accept unsafe requests that carry no Fetch Metadata, Origin or
 *       Referer</td></tr>
 *   <tr><td>{@code trusted-proxies}</td><td>CIDR blocks of your proxies</td></tr>
 *   <tr><td>{@code forwarded-headers}</td><td>{@code x-forwarded} (default) or
 *       {@code forwarded}</td></tr>
 * </table>
 */
public final class FetchMetadataSettings {

  /** Every setting name understood. */
  public static final Set<String> NAMES = Set.of("allow-same-site", "allowed-paths",
      "allowed-origins", "report-only", "allow-without-origin-or-referer", "trusted-proxies",
      "forwarded-headers");

  private final StringSettings settings;

  private FetchMetadataSettings(StringSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   * @throws IllegalArgumentException for an unknown name
   */
  public static FetchMetadataSettings of(Map<String, String> settings) {
    return new FetchMetadataSettings(StringSettings.of("Fetch Metadata", settings, NAMES));
  }

  /**
   * Builds the policy.
   *
   * @return the validated policy
   * @throws IllegalArgumentException naming the bad setting
   */
  public FetchMetadataPolicy policy() {
    FetchMetadataPolicy.Builder builder = FetchMetadataPolicy.builder()
        .allowCrossSitePaths(settings.list("allowed-paths"))
        .allowOrigins(settings.list("allowed-origins"));
    if (settings.bool("allow-same-site", false)) {
      builder.allowSameSite();
    }
    if (settings.bool("report-only", false)) {
      builder.reportOnly();
    }
    if (settings.bool("allow-without-origin-or-referer", false)) {
      builder.allowRequestsWithoutOriginOrReferer();
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
}
