package dev.bulwark.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files for tests, owner-only by default, as a correct deployment would. */
final class SecretFixtures {

  private SecretFixtures() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  static Path write(Path file, String content) {
    return write(file, content.getBytes(StandardCharsets.UTF_8), "rw-------");
  }

  static Path write(Path file, String content, String permissions) {
    return write(file, content.getBytes(StandardCharsets.UTF_8), permissions);
  }

  static Path write(Path file, byte[] content, String permissions) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      if (posix()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
