package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * String settings (init-params, properties, environment variables) read strictly, for the
 * feature settings readers such as {@code HttpsSettings}: unknown names and malformed values fail
 * with an {@link IllegalArgumentException} naming the setting and the expected form. Blank
 * values count as absent. Immutable and thread-safe.
 */
public final class StringSettings {

  private final Map<String, String> settings;

  private StringSettings(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  /**
   * Reads settings, refusing names outside {@code known}.
   *
   * @param feature the feature named in messages, e.g. {@code HTTPS}
   * @param settings name to value
   * @param known every name understood
   * @return the reader
   * @throws IllegalArgumentException for an unknown name (usually a typo)
   */
  public static StringSettings of(String feature, Map<String, String> settings, Set<String> known) {
    for (String name : settings.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown " + feature + " setting '" + name
            + "'; known settings are " + new TreeSet<>(known));
      }
    }
    return new StringSettings(settings);
  }

  /**
   * A value, stripped.
   *
   * @param name the setting
   * @return the value, or null when absent or blank
   */
  public @Nullable String value(String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A single value, or {@code absent} when the setting is absent or blank.
   *
   * @param name the setting
   * @param absent the value to use when it is absent
   * @return the stripped value, or {@code absent}
   */
  public String value(String name, String absent) {
    String value = value(name);
    return value == null ? absent : value;
  }

  /**
   * A list separated by commas or whitespace.
   *
   * @param name the setting
   * @return the items, empty when absent
   */
  public List<String> list(String name) {
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

  /**
   * A boolean, {@code true} or {@code false} (ASCII case-insensitive).
   *
   * @param name the setting
   * @param absent the value when the setting is absent
   * @return the value
   * @throws IllegalArgumentException when the value is something else
   */
  public boolean bool(String name, boolean absent) {
    String value = value(name);
    if (value == null) {
      return absent;
    }
    return switch (Ascii.toLowerCase(value)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }

  /**
   * A whole number of at most nine digits.
   *
   * @param name the setting
   * @param absent the value when the setting is absent
   * @return the value
   * @throws IllegalArgumentException when the value is not a whole number
   */
  public long wholeNumber(String name, long absent) {
    String value = value(name);
    if (value == null) {
      return absent;
    }
    if (!isDigits(value, 9)) {
      throw new IllegalArgumentException(name + " must be a whole number, e.g. 31536000");
    }
    return Long.parseLong(value);
  }

  /**
   * The trusted proxies from {@code trusted-proxies} and {@code forwarded-headers}.
   *
   * @return the proxies, {@link TrustedProxies#none()} when none are listed
   * @throws IllegalArgumentException naming the bad setting
   */
  public TrustedProxies trustedProxies() {
    return TrustedProxiesSettings.read(value("trusted-proxies"), value("forwarded-headers"));
  }

  /**
   * Whether {@code s} is 1 to {@code max} ASCII digits.
   *
   * @param s the text
   * @param max the most digits
   * @return true for a short decimal number
   */
  public static boolean isDigits(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
