package dev.bulwark.crypto.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A file that appears whole or not at all, readable by its owner only: the one writer of keyset
 * files, tenant key files and the CLI's outputs.
 *
 * <p>How: {@link #open(Path)} creates a temporary file with a unique random name
 * ({@code .NAME.RANDOM.tmp}) in the target's directory, so the final rename stays on one file
 * system; on POSIX file systems it is created {@code rw-------} (0600) from the start, so no other
 * user can open it even while it is being written. {@link #commit(boolean)} flushes and fsyncs
 * the file, then either renames it atomically onto the target ({@code replace}) or hard-links it
 * to the target name, which fails if the target exists even if it appeared a moment ago (the
 * no-clobber rename), and finally fsyncs the directory where the platform allows it. Every failure
 * (and {@link #close()} without a commit) deletes the temporary file; a crash can leave one behind,
 * owner-only, which never blocks a later write because names are never reused.
 *
 * <p>On a file system without POSIX permissions (Windows NTFS, FAT) the temporary file and so the
 * target get the directory's default permissions (NTFS: the inherited ACL): keep such files in a
 * directory only their owner can read. Where hard links are not supported (FAT, some network file
 * systems) the no-clobber commit falls back to a rename that refuses an existing target, with a
 * short window in which a target created by someone else can be replaced.
 *
 * <p>{@link #update(Path, int, Transform)} is a read-modify-write of a small file under a lock
 * (a JVM-wide lock and an OS file lock on {@code .NAME.lock} beside it), so concurrent updates
 * from threads or processes apply one after the other, each to the previous one's result.
 *
 * <p>Not thread-safe: one writer per instance.
 */
public final class AtomicFile implements AutoCloseable {

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  /** Keeps temporary and lock file names well under the usual 255-byte limit. */
  private static final int MAX_PREFIX_CHARS = 64;
  /** Updates inside one JVM: an OS file lock cannot be taken twice by one process. */
  private static final ReentrantLock JVM_UPDATES = new ReentrantLock();

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  /** Committed or abandoned; volatile only to keep close() honest if another thread calls it. */
  private volatile boolean finished;

  private AtomicFile(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
  }

  /**
   * Creates the owner-only temporary file for {@code target}.
   *
   * @param target the file to write; its directory must exist
   * @return the open file; write to {@link #stream()}, then {@link #commit(boolean)}
   * @throws IOException if the temporary file cannot be created
   */
  public static AtomicFile open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path name = absolute.getFileName();
    if (directory == null || name == null) {
      throw new NoSuchFileException(target.toString(), null, "not a file path");
    }
    Path temp = posix(directory)
        ? Files.createTempFile(directory, prefix(name), ".tmp", OWNER_ONLY)
        : Files.createTempFile(directory, prefix(name), ".tmp");
    try {
      return new AtomicFile(absolute, temp, FileChannel.open(temp, StandardOpenOption.WRITE));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Writes {@code bytes} to {@code target} whole or not at all.
   *
   * @param target the file
   * @param bytes its new content
   * @param replace whether an existing target is replaced
   * @throws FileAlreadyExistsException if {@code target} exists and {@code replace} is off
   * @throws IOException if writing fails; the target is then untouched
   */
  public static void write(Path target, byte[] bytes, boolean replace) throws IOException {
    try (AtomicFile file = open(target)) {
      file.stream().write(bytes);
      file.commit(replace);
    }
  }

  /** Computes a file's new content from its current content. */
  public interface Transform {
    /**
     * Returns the new content.
     *
     * @param current the current content
     * @return the content to write
     * @throws IOException to abandon the update
     * @throws GeneralSecurityException to abandon the update
     */
    byte[] apply(byte[] current) throws IOException, GeneralSecurityException;
  }

  /**
   * Replaces an existing small file with {@code transform} of its content, holding the update
   * lock from the read to the rename: concurrent updates from this JVM or other processes apply
   * in turn, none is lost. Readers are not locked out; they see the old or the new file.
   *
   * @param file the file, which must exist
   * @param maxBytes larger files are refused before the transform sees them
   * @param transform the change
   * @throws IOException if the file is missing, too large or cannot be written
   * @throws GeneralSecurityException if the transform throws it; the file is then untouched
   */
  public static void update(Path file, int maxBytes, Transform transform)
      throws IOException, GeneralSecurityException {
    Objects.requireNonNull(transform, "transform");
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Path name = absolute.getFileName();
    if (directory == null || name == null) {
      throw new NoSuchFileException(file.toString(), null, "not a file path");
    }
    Path lockFile = directory.resolve(prefix(name) + "lock");
    JVM_UPDATES.lock();
    try (FileChannel lockChannel = posix(directory)
            ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OWNER_ONLY)
            : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = lockChannel.lock(); // released when the channel closes
      try {
        write(absolute, transform.apply(readCapped(absolute, maxBytes)), true);
      } finally {
        lock.release();
      }
    } finally {
      JVM_UPDATES.unlock();
    }
  }

  /**
   * Reads a whole file of at most {@code maxBytes}.
   *
   * @param file the file
   * @param maxBytes the cap
   * @return its content
   * @throws IOException if it cannot be read or is larger than the cap
   */
  public static byte[] readCapped(Path file, int maxBytes) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new IOException(file.getFileName() + " is larger than " + maxBytes + " bytes");
    }
    return bytes;
  }

  /**
   * The stream to write the content to; buffered, flushed by {@link #commit(boolean)}.
   *
   * @return the stream
   */
  public OutputStream stream() {
    return stream;
  }

  /**
   * Syncs the content and moves it to the target.
   *
   * @param replace whether an existing target is replaced (atomically) or kept
   * @throws FileAlreadyExistsException if the target exists and {@code replace} is off
   * @throws IOException if syncing or renaming fails; the temporary file is then deleted
   */
  public void commit(boolean replace) throws IOException {
    if (finished) {
      throw new IllegalStateException("already committed or closed");
    }
    try {
      stream.flush();
      channel.force(true);
      channel.close();
      boolean linked = false;
      if (replace) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        linked = linkOrRename();
      }
      finished = true; // the target is in place: from here on nothing may undo it
      if (linked) {
        removeLinkedTemp();
      }
    } finally {
      if (!finished) {
        close();
      }
    }
    syncDirectory(target.getParent());
  }

  /** Returns {@code true} if the target is a hard link to the temporary file. */
  private boolean linkOrRename() throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      // No hard links here: a rename that refuses an existing target (see the class comment).
      Files.move(temp, target);
      return false;
    }
  }

  private void removeLinkedTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The target is committed; the temporary name is a second, owner-only name for it, as
      // harmless as a leftover after a crash.
    }
  }

  /** Abandons an uncommitted file: its temporary file is deleted. Idempotent. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String prefix(Path name) {
    String text = name.toString();
    return "." + (text.length() > MAX_PREFIX_CHARS ? text.substring(0, MAX_PREFIX_CHARS) : text)
        + ".";
  }

  private static boolean posix(Path directory) throws IOException {
    return Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a directory (Windows cannot); the rename is atomic anyway,
      // only its durability across a power cut is then up to the file system.
    }
  }
}
