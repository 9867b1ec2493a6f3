package dev.bulwark.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory: created owner-only (0700), and every file the demo writes in it is created
 * owner-only (0600) from the start, never widened afterwards. On file systems without POSIX
 * permissions (Windows) the platform's defaults apply. Says on the console what it creates.
 */
final class DataDir {

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private final Path root;
  private final PrintStream out;
  private final boolean posix;

  private DataDir(Path root, PrintStream out, boolean posix) {
    this.root = root;
    this.out = out;
    this.posix = posix;
  }

  static DataDir open(Path dir, PrintStream out) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (Files.isDirectory(root)) {
      if (posix) {
        Files.setPosixFilePermissions(root, DIR);
      }
    } else {
      if (posix) {
        Files.createDirectories(root, PosixFilePermissions.asFileAttribute(DIR));
      } else {
        Files.createDirectories(root);
      }
      out.println("Created the data directory " + root + " (owner only)");
    }
    return new DataDir(root, out, posix);
  }

  Path root() {
    return root;
  }

  Path resolve(String name) {
    return root.resolve(name);
  }

  /**
   * Writes a new owner-only file; fails if it exists.
   *
   * @param name the file's name
   * @param bytes the content
   * @param what what it is, for the console
   * @return the file
   */
  Path createPrivate(String name, byte[] bytes, String what) throws IOException {
    Path file = root.resolve(name);
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
    try {
      Files.createFile(file, attributes);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(file + " appeared while the demo was creating it; is a second demo"
          + " using this data directory?", e);
    }
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    out.println("Created " + what + ": " + file);
    return file;
  }

  /** Narrows a file another library created (the keyset, the database) to owner-only. */
  void makePrivate(Path file) throws IOException {
    if (posix && Files.exists(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  void say(String line) {
    out.println(line);
  }
}
