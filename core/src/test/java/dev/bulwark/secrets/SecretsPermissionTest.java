package dev.bulwark.secrets;

import static dev.bulwark.secrets.SecretFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The POSIX permission check on secret files and {@code .env}. The tests run as root in CI, which
 * could read any file; the check looks at the permission bits, not at whether a read succeeds, so
 * it is testable here.
 */
class SecretsPermissionTest {

  private static final String VALUE = "perm-s3cret";

  @TempDir Path tmp;

  private final RecordingLogger logger = new RecordingLogger();

  @BeforeEach
  void requirePosix() {
    Assumptions.assumeTrue(SecretFixtures.posix(), "POSIX file system");
  }

  private Path secretFile(String permissions) {
    return write(tmp.resolve("secrets/token"), VALUE + "\n", permissions);
  }

  private SecretsBuilder directory() {
    return Secrets.builder().secretsDirectory(tmp.resolve("secrets")).logger(logger);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-------", "r--------", "rwx------", "rw---x--x"})
  void refuse_ownerOnlyFile_isRead(String permissions) {
    secretFile(permissions);

    assertThat(directory().build().require("token").chars()).isEqualTo(VALUE.toCharArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rw-r--r--",
      "r--r--r--", "rw-rw-rw-"})
  void refuse_fileGroupOrOthersMayAccess_isRefusedNamingPathAndFix(String permissions) {
    Path file = secretFile(permissions);

    assertThatThrownBy(() -> directory().build().require("token"))
        .isInstanceOf(UnsafeSecretException.class)
        .hasMessageStartingWith("file " + file + " has permissions " + permissions + ", which")
        .hasMessageContaining("chmod 600")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void refuse_isTheDefault() {
    secretFile("rw-r--r--");
    Secrets secrets = Secrets.builder().secretsDirectory(tmp.resolve("secrets")).build();

    assertThatThrownBy(() -> secrets.require("token")).isInstanceOf(UnsafeSecretException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "r--r-----"})
  void allowGroupRead_groupReadableFile_isRead(String permissions) {
    secretFile(permissions);

    assertThat(directory().allowGroupRead().build().require("token").chars())
        .isEqualTo(VALUE.toCharArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-rw----", "rw-r--r--", "r--r---w-"})
  void allowGroupRead_groupWritableOrOthersAccessible_isStillRefused(String permissions) {
    secretFile(permissions);

    assertThatThrownBy(() -> directory().allowGroupRead().build().require("token"))
        .isInstanceOf(UnsafeSecretException.class)
        .hasMessageContaining("which let others read it or group or others write it");
  }

  @Test
  void warn_unsafeFile_isReadAndOneWarningWithoutTheValueIsLogged() {
    Path file = secretFile("rw-r--r--");

    Secret secret = directory().permissionCheck(PermissionCheck.WARN).build().require("token");

    assertThat(secret.chars()).isEqualTo(VALUE.toCharArray());
    assertThat(logger.records).hasSize(1);
    assertThat(logger.records.get(0))
        .startsWith("WARNING file " + file + " has permissions rw-r--r--")
        .doesNotContain(VALUE);
  }

  @Test
  void warn_safeFile_logsNothing() {
    secretFile("rw-------");

    directory().permissionCheck(PermissionCheck.WARN).build().require("token");

    assertThat(logger.records).isEmpty();
  }

  @Test
  void off_unsafeFile_isReadSilently() {
    secretFile("rw-rw-rw-");

    Secret secret = directory().permissionCheck(PermissionCheck.OFF).build().require("token");

    assertThat(secret.chars()).isEqualTo(VALUE.toCharArray());
    assertThat(logger.records).isEmpty();
  }

  @Test
  void refuse_worldReadableDotenv_failsAtBuild() {
    Path dotenv = write(tmp.resolve(".env"), "TOKEN=" + VALUE + "\n", "rw-r--r--");

    assertThatThrownBy(() -> Secrets.builder().dotenv(dotenv).build())
        .isInstanceOf(UnsafeSecretException.class)
        .hasMessageStartingWith(".env " + dotenv + " has permissions rw-r--r--")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void refuse_fileVariableTarget_isChecked() {
    Path file = write(tmp.resolve("token.txt"), VALUE, "rw----r--");
    Secrets secrets = Secrets.builder().environment(Map.of("TOKEN_FILE", file.toString())).build();

    assertThatThrownBy(() -> secrets.require("token"))
        .isInstanceOf(UnsafeSecretException.class)
        .hasMessageContaining("(from environment TOKEN_FILE) has permissions rw----r--");
  }

  @Test
  void refuse_symlink_targetPermissionsCount() throws IOException {
    Path target = write(tmp.resolve("real/token"), VALUE, "rw-r--r--");
    Files.createDirectories(tmp.resolve("secrets"));
    Files.createSymbolicLink(tmp.resolve("secrets/token"), target);

    assertThatThrownBy(() -> directory().build().require("token"))
        .isInstanceOf(UnsafeSecretException.class);

    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--------"));
    assertThat(directory().build().require("token").chars()).isEqualTo(VALUE.toCharArray());
  }

  @Test
  void builder_allowGroupReadWithCheckOff_isRejected() {
    assertThatThrownBy(() -> directory().permissionCheck(PermissionCheck.OFF).allowGroupRead()
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("allowGroupRead() has no effect with permissionCheck(OFF)");
  }

  /** Records what would be logged, as "LEVEL message". */
  private static final class RecordingLogger implements System.Logger {
    final List<String> records = new ArrayList<>();

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String msg,
        @Nullable Throwable thrown) {
      records.add(level + " " + msg);
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format,
        @Nullable Object... params) {
      records.add(level + " " + format);
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      records.add(level + " " + msgSupplier.get());
    }
  }
}
