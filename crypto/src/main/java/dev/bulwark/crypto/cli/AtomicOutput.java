package dev.bulwark.crypto.cli;

import dev.bulwark.crypto.internal.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * An output file of the tool that appears whole or not at all, owner-only on POSIX: the CLI's
 * face of {@link AtomicFile} (unique temporary file beside the target, fsync, atomic rename or
 * no-clobber hard link). Without {@code force} the target is never replaced, even if it appears
 * meanwhile. {@link #close()} without {@link #commit()} deletes the temporary file.
 */
final class AtomicOutput implements AutoCloseable {

  private final Path target;
  private final boolean force;
  private final AtomicFile file;

  private AtomicOutput(Path target, boolean force, AtomicFile file) {
    this.target = target;
    this.force = force;
    this.file = file;
  }

  /** Fails with exit code 2 if {@code target} exists and {@code force} is off. */
  static AtomicOutput open(Path target, boolean force) throws CliException, IOException {
    checkTarget(target, force);
    return new AtomicOutput(target, force, AtomicFile.open(target));
  }

  /** Refuses an existing target (without {@code force}) or a missing directory, with exit 2. */
  static void checkTarget(Path target, boolean force) throws CliException {
    refuseExisting(target, force);
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new CliException(ExitCodes.IO, "output directory does not exist: " + directory);
    }
  }

  static void refuseExisting(Path target, boolean force) throws CliException {
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(target);
    }
    if (Files.isDirectory(target)) {
      throw new CliException(ExitCodes.IO, "output is a directory: " + target);
    }
  }

  static CliException exists(Path target) {
    return new CliException(ExitCodes.IO, "output exists: " + target
        + " (pass --force to replace it)");
  }

  OutputStream stream() {
    return file.stream();
  }

  /** Syncs the temporary file and moves it onto the target. */
  void commit() throws CliException, IOException {
    try {
      file.commit(force);
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
