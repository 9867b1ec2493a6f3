package dev.bulwark.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A directory with one file per secret, as Docker ({@code /run/secrets}) and Kubernetes secret
 * volumes provide. Files are read on each lookup, so a rotated Kubernetes secret is picked up. A
 * directory that does not exist holds nothing.
 */
final class DirectorySource implements Source {

  private final Path directory;
  private final String described;
  private final SecretFiles files;

  DirectorySource(Path directory, SecretFiles files) {
    this.directory = directory;
    this.described = SecretFiles.describe(directory);
    this.files = files;
  }

  @Override
  public @Nullable Found lookup(SecretName name, List<String> placesLooked) {
    boolean present = Files.isDirectory(directory);
    for (String fileName : name.fileNames()) {
      // SecretName admits no separator, NUL, "." or "..": the result stays inside the directory.
      Path path = directory.resolve(fileName);
      String place = "file " + SecretFiles.describe(path);
      placesLooked.add(present ? place : place + " (directory absent)");
      if (!present) {
        continue;
      }
      Optional<byte[]> content = files.readIfExists(path, place);
      if (content.isPresent()) {
        return Found.ofFile(place, content.get());
      }
    }
    return null;
  }

  @Override
  public String description() {
    return "secrets directory " + described;
  }
}
