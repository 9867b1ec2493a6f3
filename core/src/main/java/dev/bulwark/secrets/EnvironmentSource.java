package dev.bulwark.secrets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Environment variables ({@code DB_PASSWORD}) and file variables ({@code DB_PASSWORD_FILE},
 * holding the path of a file whose content is the value, the convention of Docker's official
 * images). Setting both is a configuration error, as it is for those images: nobody can tell
 * which one was meant.
 */
final class EnvironmentSource implements Source {

  private final Map<String, String> environment;
  private final SecretFiles files;

  EnvironmentSource(Map<String, String> environment, SecretFiles files) {
    this.environment = Map.copyOf(environment);
    this.files = files;
  }

  @Override
  public @Nullable Found lookup(SecretName name, List<String> placesLooked) {
    String key = name.environmentKey();
    String fileKey = name.fileVariable();
    placesLooked.add("environment " + key);
    placesLooked.add("environment " + fileKey);
    String value = environment.get(key);
    String file = environment.get(fileKey);
    if (value != null && file != null) {
      throw new SecretSourceException("environment variables " + key + " and " + fileKey
          + " are both set; set only one of them");
    }
    if (value != null) {
      return Found.ofText("environment " + key, value);
    }
    if (file == null) {
      return null;
    }
    if (file.isBlank()) {
      throw new SecretSourceException("environment " + fileKey + " is empty; set it to the path"
          + " of the file holding " + name.name() + ", or unset it");
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new SecretSourceException("environment " + fileKey + " is not a valid path");
    }
    String place = "file " + SecretFiles.describe(path) + " (from environment " + fileKey + ")";
    return Found.ofFile(place, files.read(path, place));
  }

  @Override
  public String description() {
    return "environment";
  }
}
