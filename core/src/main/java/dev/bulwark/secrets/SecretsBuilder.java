package dev.bulwark.secrets;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Secrets}: choose the sources, then the checks. A fresh builder has no source;
 * each source may be set once. The order in which sources are consulted is fixed (see
 * {@link Secrets}), not the order of these calls.
 *
 * <p><b>Defaults.</b> Permission check {@link PermissionCheck#REFUSE}, group read not allowed,
 * placeholders accepted.
 *
 * <p><b>Thread safety.</b> Not thread-safe; use it from one thread, then share the built
 * {@link Secrets}.
 */
public final class SecretsBuilder {

  private @Nullable Map<String, String> systemProperties;
  private @Nullable Map<String, String> environment;
  private @Nullable Path secretsDirectory;
  private @Nullable Path dotenv;
  private @Nullable PermissionCheck permissionCheck;
  private boolean allowGroupRead;
  private boolean refusePlaceholders;
  private System.Logger logger = System.getLogger("dev.bulwark.secrets");

  SecretsBuilder() {}

  /**
   * Consults the JVM's system properties ({@code -Ddb.password=...}), keyed as given. They are
   * copied now; later changes are not seen. Do not pass real secrets this way in production: a
   * command line is visible to every user of the machine ({@code ps}).
   *
   * @return this builder
   * @throws IllegalStateException if system properties were already set
   */
  public SecretsBuilder systemProperties() {
    Properties properties = System.getProperties();
    Map<String, String> copy = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key);
      if (value != null) {
        copy.put(key, value);
      }
    }
    return systemProperties(copy);
  }

  /**
   * Consults {@code properties} as if they were system properties (for tests and frameworks).
   *
   * @param properties keys and values; copied
   * @return this builder
   * @throws IllegalStateException if system properties were already set
   */
  public SecretsBuilder systemProperties(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    requireUnset(systemProperties, "systemProperties");
    systemProperties = Map.copyOf(properties);
    return this;
  }

  /**
   * Consults the process environment ({@link System#getenv()}): variables such as
   * {@code DB_PASSWORD}, and file variables such as {@code DB_PASSWORD_FILE}.
   *
   * @return this builder
   * @throws IllegalStateException if the environment was already set
   */
  public SecretsBuilder environment() {
    return environment(System.getenv());
  }

  /**
   * Consults {@code environment} instead of the process environment (for tests).
   *
   * @param environment variable names and values; copied
   * @return this builder
   * @throws IllegalStateException if the environment was already set
   */
  public SecretsBuilder environment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    requireUnset(this.environment, "environment");
    this.environment = Map.copyOf(environment);
    return this;
  }

  /**
   * Consults a directory holding one file per secret ({@code /run/secrets} for Docker, the mount
   * path of a Kubernetes secret volume). A directory that does not exist holds nothing; one that
   * exists must be a directory.
   *
   * @param directory the directory
   * @return this builder
   * @throws IllegalStateException if a directory was already set
   */
  public SecretsBuilder secretsDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    requireUnset(secretsDirectory, "secretsDirectory");
    secretsDirectory = directory;
    return this;
  }

  /**
   * Consults a {@code .env} file, read and parsed by {@link #build()}. A file that does not exist
   * holds nothing (so the same code runs where there is no {@code .env}); a file that exists
   * must parse and pass the permission check. The syntax is in {@code docs/secrets.md}.
   *
   * @param file the file, usually {@code Path.of(".env")}
   * @return this builder
   * @throws IllegalStateException if a {@code .env} file was already set
   */
  public SecretsBuilder dotenv(Path file) {
    Objects.requireNonNull(file, "file");
    requireUnset(dotenv, "dotenv");
    dotenv = file;
    return this;
  }

  /**
   * Chooses what happens to a secret or {@code .env} file that group or others may access.
   *
   * @param check {@link PermissionCheck#REFUSE} (the default), {@code WARN} or {@code OFF}
   * @return this builder
   * @throws IllegalStateException if the check was already set
   */
  public SecretsBuilder permissionCheck(PermissionCheck check) {
    Objects.requireNonNull(check, "check");
    requireUnset(permissionCheck, "permissionCheck");
    permissionCheck = check;
    return this;
  }

  /**
   * Accepts files that their group may read (mode {@code 0440} or {@code 0640}), for Kubernetes
   * pods that read secret volumes through {@code fsGroup}. Others still may not read, and nobody
   * but the owner may write.
   *
   * @return this builder
   */
  public SecretsBuilder allowGroupRead() {
    allowGroupRead = true;
    return this;
  }

  /**
   * Refuses, with {@link UnsafeSecretException}, a secret ({@link Secrets#require} and
   * {@link Secrets#find}) whose value is empty or blank, a placeholder word ({@code changeme},
   * {@code changeit}, {@code replace-me}, {@code placeholder}, {@code secret}, {@code password},
   * {@code todo}, {@code xxx}, ... in any case) or an unfilled template ({@code <your-key>},
   * {@code ${DB_PASSWORD}}). Typed getters are not affected.
   *
   * @return this builder
   */
  public SecretsBuilder refusePlaceholders() {
    refusePlaceholders = true;
    return this;
  }

  /** Where {@link PermissionCheck#WARN} logs; for tests. */
  SecretsBuilder logger(System.Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
    return this;
  }

  /**
   * Builds the {@link Secrets}, reading and checking the {@code .env} file now.
   *
   * @return the immutable, thread-safe lookup
   * @throws IllegalStateException if no source was chosen, or {@link #allowGroupRead()} was
   *     combined with {@code permissionCheck(OFF)}
   * @throws SecretSourceException if the {@code .env} file cannot be read or parsed, or the
   *     secrets directory path is not a directory
   * @throws UnsafeSecretException if the {@code .env} file fails the permission check
   */
  public Secrets build() {
    if (systemProperties == null && environment == null && secretsDirectory == null
        && dotenv == null) {
      throw new IllegalStateException("no source chosen; call systemProperties(), environment(),"
          + " secretsDirectory(Path) or dotenv(Path)");
    }
    PermissionCheck check = permissionCheck == null ? PermissionCheck.REFUSE : permissionCheck;
    if (allowGroupRead && check == PermissionCheck.OFF) {
      throw new IllegalStateException("allowGroupRead() has no effect with permissionCheck(OFF);"
          + " remove one of them");
    }
    SecretFiles files = new SecretFiles(check, allowGroupRead, logger);
    List<Source> sources = new ArrayList<>();
    if (systemProperties != null) {
      sources.add(new PropertiesSource(systemProperties));
    }
    if (environment != null) {
      sources.add(new EnvironmentSource(environment, files));
    }
    if (secretsDirectory != null) {
      if (Files.exists(secretsDirectory, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(secretsDirectory)) {
        throw new SecretSourceException("secrets directory "
            + SecretFiles.describe(secretsDirectory) + " is not a directory");
      }
      sources.add(new DirectorySource(secretsDirectory, files));
    }
    if (dotenv != null) {
      sources.add(DotenvSource.load(dotenv, files));
    }
    String settings = "permission check " + check
        + (allowGroupRead ? ", group read allowed" : "")
        + (refusePlaceholders ? ", placeholders refused" : "");
    return new Secrets(sources, refusePlaceholders, settings);
  }

  private static void requireUnset(@Nullable Object current, String setting) {
    if (current != null) {
      throw new IllegalStateException(setting + " was already set");
    }
  }
}
