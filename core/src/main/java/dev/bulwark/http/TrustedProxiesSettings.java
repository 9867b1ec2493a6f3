package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code trusted-proxies} and {@code forwarded-headers} string settings shared by
 * every Bulwark settings reader, so each filter accepts the same names with the same messages.
 *
 * <p>Thread-safe: stateless.
 */
public final class TrustedProxiesSettings {

  private TrustedProxiesSettings() {}

  /**
   * Builds the trusted proxies ({@link TrustedProxies#none()} when none are listed).
   *
   * @param proxies CIDR blocks separated by commas or whitespace, or null/blank for none
   * @param family {@code x-forwarded} (default) or {@code forwarded}, or null/blank
   * @return the validated proxies
   * @throws IllegalArgumentException naming the bad setting and the fix
   */
  public static TrustedProxies read(@Nullable String proxies, @Nullable String family) {
    List<String> blocks = new ArrayList<>();
    if (proxies != null) {
      for (String item : proxies.strip().split("[,\\s]+")) {
        if (!item.isEmpty()) {
          blocks.add(item);
        }
      }
    }
    String familyValue = family == null || family.isBlank() ? null : family.strip();
    if (blocks.isEmpty()) {
      if (familyValue != null) {
        throw new IllegalArgumentException("forwarded-headers has no effect without"
            + " trusted-proxies; list your proxies' CIDR blocks or remove it");
      }
      return TrustedProxies.none();
    }
    TrustedProxies.Builder builder = TrustedProxies.builder().trust(blocks);
    if (familyValue != null) {
      switch (Ascii.toLowerCase(familyValue)) {
        case "x-forwarded" -> builder.headers(TrustedProxies.HeaderFamily.X_FORWARDED);
        case "forwarded" -> builder.headers(TrustedProxies.HeaderFamily.FORWARDED);
        default -> throw new IllegalArgumentException(
            "forwarded-headers must be x-forwarded or forwarded");
      }
    }
    return builder.build();
  }
}
