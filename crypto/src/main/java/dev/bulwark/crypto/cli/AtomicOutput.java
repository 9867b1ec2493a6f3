package dev.bulwark.crypto.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An output file that appears whole or not at all: bytes go to a temporary file (owner-only on
 * POSIX, in the target's directory so the rename stays on one file system), which is synced and
 * then renamed onto the target. Without {@code force} the target is never replaced, even if it
 * appears meanwhile (a hard link is the no-clobber rename). {@link #close()} without
 * {@link #commit()} deletes the temporary file.
 */
final class AtomicOutput implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private final boolean force;
  private final FileChannel channel;
  private final OutputStream stream;
  private boolean done;

  private AtomicOutput(Path target, Path temp, boolean force, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.force = force;
    this.channel = channel;
    this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
  }

  /** Fails with exit code 2 if {@code target} exists and {@code force} is off. */
  static AtomicOutput open(Path target, boolean force) throws CliException, IOException {
    refuseExisting(target, force);
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new CliException(ExitCodes.IO, "output directory does not exist: " + directory);
    }
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
    try {
      return new AtomicOutput(absolute, temp, force,
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  static void refuseExisting(Path target, boolean force) throws CliException {
    if (!force && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new CliException(ExitCodes.IO, "output exists: " + target
          + " (pass --force to replace it)");
    }
    if (Files.isDirectory(target)) {
      throw new CliException(ExitCodes.IO, "output is a directory: " + target);
    }
  }

  OutputStream stream() {
    return stream;
  }

  /**
   * The temporary file, for a writer that must create the file itself: it may delete it and
   * write a new file by the same name before {@link #commit()}.
   */
  Path tempFile() {
    return temp;
  }

  /** Makes the temporary file owner-only, syncs it and renames it onto the target. */
  void commit() throws CliException, IOException {
    stream.close();
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    }
    try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      written.force(true);
    }
    if (force) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } else {
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        throw new CliException(ExitCodes.IO, "output exists: " + target
            + " (pass --force to replace it)");
      } catch (UnsupportedOperationException | IOException e) {
        // No hard links on this file system: a plain rename, which refuses an existing target.
        Files.move(temp, target);
      }
      Files.deleteIfExists(temp);
    }
    done = true;
    syncDirectory(target.getParent());
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a directory; the rename itself is already atomic.
    }
  }

  @Override
  public void close() throws IOException {
    if (!done) {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
