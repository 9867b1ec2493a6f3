package dev.bulwark.secrets;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Looks up secrets and configuration values in a fixed chain of sources, and reports what it
 * could not find without ever printing a value.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.builder()
 *     .environment()                                // DB_PASSWORD and DB_PASSWORD_FILE
 *     .secretsDirectory(Path.of("/run/secrets"))    // db.password or db_password
 *     .refusePlaceholders()
 *     .build();                                     // reads and checks .env now, if configured
 * Secret password = secrets.require("db.password");
 * Duration timeout = secrets.getDuration("db.timeout", Duration.ofSeconds(5));
 * }</pre>
 *
 * <p><b>Order.</b> The first source that has a key wins, in this order, whatever order the
 * builder methods were called in: (1) system properties, key as given ({@code db.password});
 * (2) environment variables, upper case with {@code .} and {@code -} as {@code _}
 * ({@code DB_PASSWORD}), or the file named by {@code DB_PASSWORD_FILE} (setting both is an
 * error); (3) the secrets directory, file {@code db.password}, then {@code db_password};
 * (4) the {@code .env} file, key {@code DB_PASSWORD}; (5) the default passed to a getter.
 * Secret files lose exactly one trailing newline ({@code \n} or {@code \r\n}) and must be UTF-8.
 *
 * <p><b>Security guarantees.</b> No value appears in {@link #toString()} or in an exception
 * message. Files are refused when group or others may read or write them (see
 * {@link PermissionCheck}), and are read only up to 1 MiB. Names are validated so that they
 * cannot escape the secrets directory. With {@link SecretsBuilder#refusePlaceholders()}, a secret that
 * looks like a placeholder ({@code changeme}, empty, {@code ${VAR}}) is refused.
 *
 * <p><b>Typed getters.</b> {@code getString} returns the value exactly; the other getters ignore
 * surrounding white space. A getter without a default throws {@link MissingSecretException} when
 * no source has the key; a value of the wrong form throws {@link MalformedSecretException}.
 * Booleans accept {@code true/false, yes/no, on/off, 1/0} in any case; durations accept ISO-8601
 * ({@code PT30S}) or one number and unit ({@code 250ms, 30s, 5m, 2h, 1d}) and are never
 * negative; URIs must be absolute; lists are comma-separated with items trimmed, an empty value
 * is an empty list and an empty item is an error.
 *
 * <p><b>Thread safety.</b> Immutable and thread-safe. Secret files are read on each lookup (so
 * a rotated file is picked up); system properties, the environment and the {@code .env} file are
 * read once, in {@link SecretsBuilder#build()}.
 */
public final class Secrets {

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String name, String place, String text);
  }

  private final List<Source> sources;
  private final boolean refusePlaceholders;
  private final String description;

  Secrets(List<Source> sources, boolean refusePlaceholders, String settings) {
    this.sources = List.copyOf(sources);
    this.refusePlaceholders = refusePlaceholders;
    this.description = sources.stream().map(Source::description)
        .collect(Collectors.joining(", ", "Secrets[", ", " + settings + "]"));
  }

  /**
   * Starts a builder with no source; add at least one.
   *
   * @return a new builder
   */
  public static SecretsBuilder builder() {
    return new SecretsBuilder();
  }

  /**
   * Returns the secret {@code name}.
   *
   * @param name the key, e.g. {@code db.password}; see the class description for its spelling in
   *     each source
   * @return a new {@link Secret}, owned by the caller, who should {@linkplain Secret#destroy()
   *     destroy} it when done
   * @throws MissingSecretException if no source has it
   * @throws UnsafeSecretException if its file is unsafe or it looks like a placeholder
   * @throws SecretSourceException if a source cannot be read
   * @throws IllegalArgumentException if {@code name} is not a valid key
   */
  public Secret require(String name) {
    List<String> placesLooked = new ArrayList<>();
    Found found = lookup(name, placesLooked);
    if (found == null) {
      throw new MissingSecretException(name, placesLooked);
    }
    return toSecret(name, found);
  }

  /**
   * Returns the secret {@code name}, or nothing if no source has it.
   *
   * @param name the key
   * @return the secret, if found
   * @throws UnsafeSecretException if its file is unsafe or it looks like a placeholder
   * @throws SecretSourceException if a source cannot be read
   * @throws IllegalArgumentException if {@code name} is not a valid key
   */
  public Optional<Secret> find(String name) {
    Found found = lookup(name, new ArrayList<>());
    return found == null ? Optional.empty() : Optional.of(toSecret(name, found));
  }

  /**
   * Returns the text of {@code name}, exactly as found. For secrets prefer {@link #require}.
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   */
  public String getString(String name) {
    return get(name, (n, place, text) -> text);
  }

  /**
   * Returns the text of {@code name}, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   */
  public String getString(String name, String defaultValue) {
    return get(name, defaultValue, (n, place, text) -> text);
  }

  /**
   * Returns {@code name} as an {@code int}.
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if it is not a decimal {@code int}
   */
  public int getInt(String name) {
    return get(name, Values::toInt);
  }

  /**
   * Returns {@code name} as an {@code int}, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   * @throws MalformedSecretException if it is present but not a decimal {@code int}
   */
  public int getInt(String name, int defaultValue) {
    return get(name, defaultValue, Values::toInt);
  }

  /**
   * Returns {@code name} as a {@code long}.
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if it is not a decimal {@code long}
   */
  public long getLong(String name) {
    return get(name, Values::toLong);
  }

  /**
   * Returns {@code name} as a {@code long}, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   * @throws MalformedSecretException if it is present but not a decimal {@code long}
   */
  public long getLong(String name, long defaultValue) {
    return get(name, defaultValue, Values::toLong);
  }

  /**
   * Returns {@code name} as a boolean: {@code true, yes, on, 1} or {@code false, no, off, 0}, in
   * any case. An empty value is malformed, not {@code false}.
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if it is none of those words
   */
  public boolean getBoolean(String name) {
    return get(name, Values::toBoolean);
  }

  /**
   * Returns {@code name} as a boolean, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   * @throws MalformedSecretException if it is present but not a boolean word
   */
  public boolean getBoolean(String name, boolean defaultValue) {
    return get(name, defaultValue, Values::toBoolean);
  }

  /**
   * Returns {@code name} as a non-negative duration: ISO-8601 ({@code PT30S}, {@code P1D}) or a
   * whole number with one unit of {@code ms, s, m, h, d} ({@code 30s}).
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if it is not such a duration
   */
  public Duration getDuration(String name) {
    return get(name, Values::toDuration);
  }

  /**
   * Returns {@code name} as a duration, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   * @throws MalformedSecretException if it is present but not a duration
   */
  public Duration getDuration(String name, Duration defaultValue) {
    return get(name, defaultValue, Values::toDuration);
  }

  /**
   * Returns {@code name} as an absolute URI.
   *
   * @param name the key
   * @return the value
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if it is not an absolute URI
   */
  public URI getUri(String name) {
    return get(name, Values::toUri);
  }

  /**
   * Returns {@code name} as an absolute URI, or {@code defaultValue} if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return the value
   * @throws MalformedSecretException if it is present but not an absolute URI
   */
  public URI getUri(String name, URI defaultValue) {
    return get(name, defaultValue, Values::toUri);
  }

  /**
   * Returns {@code name} as a comma-separated list, items trimmed; an empty or blank value is an
   * empty list.
   *
   * @param name the key
   * @return an unmodifiable list
   * @throws MissingSecretException if no source has it
   * @throws MalformedSecretException if an item is empty ({@code a,,b} or {@code a,})
   */
  public List<String> getList(String name) {
    return get(name, Values::toList);
  }

  /**
   * Returns {@code name} as a list, or {@code defaultValue} (copied) if no source has it.
   *
   * @param name the key
   * @param defaultValue the value when absent
   * @return an unmodifiable list
   * @throws MalformedSecretException if it is present with an empty item
   */
  public List<String> getList(String name, List<String> defaultValue) {
    return get(name, List.copyOf(defaultValue), Values::toList);
  }

  /**
   * Describes the sources and settings, for example {@code Secrets[environment, secrets
   * directory /run/secrets, permission check REFUSE]}. Contains no key and no value.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return description;
  }

  private <T> T get(String name, Parser<T> parser) {
    List<String> placesLooked = new ArrayList<>();
    Found found = lookup(name, placesLooked);
    if (found == null) {
      throw new MissingSecretException(name, placesLooked);
    }
    return parser.parse(name, found.place, found.takeText());
  }

  private <T> T get(String name, T defaultValue, Parser<T> parser) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    Found found = lookup(name, new ArrayList<>());
    return found == null ? defaultValue : parser.parse(name, found.place, found.takeText());
  }

  private @Nullable Found lookup(String name, List<String> placesLooked) {
    SecretName key = SecretName.of(name);
    for (Source source : sources) {
      Found found = source.lookup(key, placesLooked);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Secret toSecret(String name, Found found) {
    if (refusePlaceholders && Placeholders.isPlaceholder(found.utf8)) {
      found.wipe();
      throw new UnsafeSecretException("secret " + name + " (from " + found.place + ") looks like"
          + " a placeholder (empty, a placeholder word, or an unfilled <...> or ${...} template);"
          + " set the real value");
    }
    return Secret.adopt(found.utf8);
  }
}
