package dev.bulwark.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Reads secret files and {@code .env} files: checks the file type and permissions before the
 * first byte is read, reads at most {@value #MAX_BYTES} bytes, and wipes every intermediate
 * buffer.
 *
 * <p>The permission check guards against a misconfigured deployment (a secret left world
 * readable); it is not a defence against someone who can already write to the directory, who
 * could swap the file between the check and the read.
 */
final class SecretFiles {

  /** The largest file read: 1 MiB. A secret or a {@code .env} file is far smaller. */
  static final int MAX_BYTES = 1 << 20;

  private final PermissionCheck check;
  private final boolean allowGroupRead;
  private final System.Logger logger;

  SecretFiles(PermissionCheck check, boolean allowGroupRead, System.Logger logger) {
    this.check = check;
    this.allowGroupRead = allowGroupRead;
    this.logger = logger;
  }

  /**
   * Reads {@code path}, or returns nothing if it does not exist. {@code what} describes the
   * file in messages, e.g. {@code secret file /run/secrets/db_password}.
   */
  Optional<byte[]> readIfExists(Path path, String what) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SecretSourceException(what + " cannot be read: " + e.getClass().getSimpleName(),
          e);
    }
    if (!attributes.isRegularFile()) {
      throw new SecretSourceException(what + " is not a regular file");
    }
    checkPermissions(path, what);
    try (InputStream in = Files.newInputStream(path)) {
      return Optional.of(readBounded(in, attributes.size(), what));
    } catch (IOException e) {
      throw new SecretSourceException(what + " cannot be read: " + e.getClass().getSimpleName(),
          e);
    }
  }

  /** Reads {@code path}, which must exist. */
  byte[] read(Path path, String what) {
    return readIfExists(path, what)
        .orElseThrow(() -> new SecretSourceException(what + " does not exist"));
  }

  private void checkPermissions(Path path, String what) {
    if (check == PermissionCheck.OFF) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: no permission bits to check
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new SecretSourceException(
          what + " permissions cannot be read: " + e.getClass().getSimpleName(), e);
    }
    boolean unsafe = permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || (!allowGroupRead && permissions.contains(PosixFilePermission.GROUP_READ));
    if (!unsafe) {
      return;
    }
    String message = what + " has permissions " + PosixFilePermissions.toString(permissions)
        + (allowGroupRead ? ", which let others read it or group or others write it"
            : ", which let group or others read or write it")
        + "; restrict it (chmod 600, or 400; Kubernetes: defaultMode 0400, or allowGroupRead()"
        + " with fsGroup and 0440), or choose permissionCheck(WARN)";
    if (check == PermissionCheck.REFUSE) {
      throw new UnsafeSecretException(message);
    }
    logger.log(Level.WARNING, message);
  }

  /**
   * Reads at most {@link #MAX_BYTES} bytes, sizing the buffer from the file's reported size and
   * growing it (wiping the old one) only if the file grew since.
   */
  private static byte[] readBounded(InputStream in, long reportedSize, String what)
      throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(reportedSize, 0L) + 1, MAX_BYTES + 1L)];
    int length = 0;
    try {
      while (true) {
        if (length == buffer.length) {
          if (buffer.length > MAX_BYTES) {
            throw new SecretSourceException(what + " is larger than " + MAX_BYTES + " bytes");
          }
          byte[] bigger = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, MAX_BYTES + 1L));
          Arrays.fill(buffer, (byte) 0);
          buffer = bigger;
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return Arrays.copyOf(buffer, length);
        }
        length += n;
      }
    } finally {
      Arrays.fill(buffer, (byte) 0);
    }
  }

  /**
   * Removes exactly one trailing line break ({@code \n} or {@code \r\n}), as {@code echo} and
   * editors add one; wipes and replaces the array when it trims.
   */
  static byte[] trimOneNewline(byte[] content) {
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end--;
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
    }
    if (end == content.length) {
      return content;
    }
    byte[] trimmed = Arrays.copyOf(content, end);
    Arrays.fill(content, (byte) 0);
    return trimmed;
  }

  /** Describes a path for a message: absolute, with control characters replaced by '?'. */
  static String describe(Path path) {
    String text = path.toAbsolutePath().normalize().toString();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
