package dev.bulwark.crypto.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.ratelimit.ConcurrentAttempts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  private String[] names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  private boolean posix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView("posix");
  }

  @Test
  void write_newFile_isWholeAndOwnerOnly() throws IOException {
    Path target = dir.resolve("key");
    AtomicFile.write(target, "content".getBytes(UTF_8), false);
    assertThat(Files.readString(target)).isEqualTo("content");
    assertThat(names()).containsExactly("key");
    if (posix()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void open_temporaryFile_isOwnerOnlyBeforeAnyByteIsWritten() throws IOException {
    try (AtomicFile file = AtomicFile.open(dir.resolve("key"))) {
      String[] names = names();
      assertThat(names).hasSize(1);
      assertThat(names[0]).startsWith(".key.").endsWith(".tmp");
      if (posix()) {
        assertThat(PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve(names[0])))).isEqualTo("rw-------");
      }
      file.stream().write(1);
    }
    assertThat(names()).isEmpty();
  }

  @Test
  void write_existingTargetWithoutReplace_keepsItAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("key");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFile.write(target, "new".getBytes(UTF_8), false))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names()).containsExactly("key");
  }

  @Test
  void write_existingTargetWithReplace_replacesIt() throws IOException {
    Path target = dir.resolve("key");
    Files.writeString(target, "old");
    AtomicFile.write(target, "new".getBytes(UTF_8), true);
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names()).containsExactly("key");
  }

  @Test
  void failureMidWrite_leavesNeitherTargetNorTemporaryFile() throws IOException {
    Path target = dir.resolve("backup.enc");
    assertThatThrownBy(() -> {
      try (AtomicFile file = AtomicFile.open(target)) {
        file.stream().write(new byte[100_000]); // past the buffer: bytes reach the disk
        throw new IOException("the input ended early");
      }
    }).hasMessage("the input ended early");
    assertThat(names()).isEmpty();
  }

  @Test
  void failureMidWrite_keepsTheOldTarget() throws IOException {
    Path target = dir.resolve("backup.enc");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> {
      try (AtomicFile file = AtomicFile.open(target)) {
        file.stream().write(new byte[100_000]);
        throw new IOException("disk full");
      }
    }).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names()).containsExactly("backup.enc");
  }

  @Test
  void commit_renameFails_deletesTheTemporaryFile() throws IOException {
    Path target = dir.resolve("busy");
    Files.createDirectories(target.resolve("child")); // a non-empty directory cannot be replaced
    assertThatThrownBy(() -> AtomicFile.write(target, new byte[] {1}, true))
        .isInstanceOf(IOException.class);
    assertThat(names()).containsExactly("busy");
  }

  @Test
  void leftoverTemporaryAndLockFiles_doNotBlockAWrite() throws IOException,
      GeneralSecurityException {
    Path target = dir.resolve("k.keyset");
    Files.writeString(dir.resolve("k.keyset.tmp"), "left by an older version");
    Files.writeString(dir.resolve(".k.keyset.12345.tmp"), "left by a crash");
    Files.writeString(dir.resolve(".k.keyset.lock"), "");
    AtomicFile.write(target, "v1".getBytes(UTF_8), false);
    AtomicFile.update(target, 100, old -> "v2".getBytes(UTF_8));
    assertThat(Files.readString(target)).isEqualTo("v2");
  }

  @Test
  void commit_twice_isRefused() throws IOException {
    try (AtomicFile file = AtomicFile.open(dir.resolve("key"))) {
      file.commit(false);
      assertThatThrownBy(() -> file.commit(true)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(names()).containsExactly("key");
  }

  @Test
  void update_concurrentThreads_eachApplyToThePreviousResult() throws Exception {
    Path counter = dir.resolve("counter");
    Files.write(counter, new byte[0]);
    int threads = 8;
    int perThread = 10;
    int done = ConcurrentAttempts.countAdmitted(threads, perThread, thread -> {
      try {
        // Append one byte: a lost update would leave fewer bytes than updates.
        AtomicFile.update(counter, 1000, old -> Arrays.copyOf(old, old.length + 1));
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(done).isEqualTo(threads * perThread);
    assertThat(Files.size(counter)).isEqualTo(threads * perThread);
    assertThat(names()).containsExactlyInAnyOrder("counter", ".counter.lock");
  }

  @Test
  void update_transformThrows_leavesTheFileUntouched() throws IOException {
    Path file = dir.resolve("keyset");
    Files.writeString(file, "old");
    assertThatThrownBy(() -> AtomicFile.update(file, 100, old -> {
      throw new GeneralSecurityException("wrong secret");
    })).hasMessage("wrong secret");
    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(names()).containsExactlyInAnyOrder("keyset", ".keyset.lock");
  }

  @Test
  void update_missingFile_throwsAndCreatesNothingButTheLock() throws IOException {
    assertThatThrownBy(() -> AtomicFile.update(dir.resolve("missing"), 100, old -> old))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(names()).containsExactly(".missing.lock");
  }

  @Test
  void readCapped_largerThanTheCap_isRefused() throws IOException {
    Path file = dir.resolve("big");
    Files.write(file, new byte[101]);
    assertThatThrownBy(() -> AtomicFile.readCapped(file, 100))
        .isInstanceOf(IOException.class).hasMessageContaining("larger than 100 bytes");
    assertThat(AtomicFile.readCapped(file, 101)).hasSize(101);
  }

  @Test
  void open_longFileName_stillFitsTheTemporaryName() throws IOException {
    Path target = dir.resolve("x".repeat(240));
    AtomicFile.write(target, new byte[] {1}, false);
    assertThat(Files.readAllBytes(target)).containsExactly(1);
  }
}
