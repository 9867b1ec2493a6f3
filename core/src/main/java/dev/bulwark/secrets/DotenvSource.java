package dev.bulwark.secrets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code .env} file, read and parsed once, when {@link Secrets} is built (so that a syntax
 * error or an unsafe permission fails at start-up). An absent file holds nothing. Keys are the
 * environment spelling ({@code DB_PASSWORD}).
 */
final class DotenvSource implements Source {

  private final String place;
  private final Map<String, String> entries;

  private DotenvSource(String place, Map<String, String> entries) {
    this.place = place;
    this.entries = entries;
  }

  static DotenvSource load(Path file, SecretFiles files) {
    String place = ".env " + SecretFiles.describe(file);
    Optional<byte[]> read = files.readIfExists(file, place);
    if (read.isEmpty()) {
      return new DotenvSource(place + " (file absent)", Map.of());
    }
    byte[] content = read.get();
    try {
      return new DotenvSource(place, DotenvParser.parse(content, place));
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  @Override
  public @Nullable Found lookup(SecretName name, List<String> placesLooked) {
    placesLooked.add(place);
    String value = entries.get(name.environmentKey());
    return value == null ? null : Found.ofText(place + " " + name.environmentKey(), value);
  }

  @Override
  public String description() {
    return place;
  }
}
