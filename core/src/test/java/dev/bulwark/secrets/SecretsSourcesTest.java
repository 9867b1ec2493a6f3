package dev.bulwark.secrets;

import static dev.bulwark.secrets.SecretFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every source, the order between them, file trimming, and what a miss reports. */
class SecretsSourcesTest {

  private static final String VALUE = "v4lue-from-";

  @TempDir Path tmp;

  private Path secretsDir() {
    return tmp.resolve("run-secrets");
  }

  private Path dotenv() {
    return tmp.resolve("app/.env");
  }

  /** Every source configured; the environment is injected, never the process's. */
  private Secrets all(Map<String, String> environment) {
    return Secrets.builder()
        .dotenv(dotenv())
        .secretsDirectory(secretsDir())
        .environment(environment)
        .systemProperties(Map.of("db.password", VALUE + "sysprop"))
        .build();
  }

  private static String text(Secret secret) {
    return new String(secret.chars());
  }

  @Test
  void systemProperty_keyAsGiven_isFound() {
    Secrets secrets = Secrets.builder().systemProperties(Map.of("db.password", "p")).build();
    assertThat(text(secrets.require("db.password"))).isEqualTo("p");
    assertThat(secrets.find("DB_PASSWORD")).isEmpty();
  }

  @Test
  void environment_upperCaseUnderscoreKey_isFound() {
    Secrets secrets = Secrets.builder().environment(Map.of("DB_PASSWORD", "p")).build();
    assertThat(text(secrets.require("db.password"))).isEqualTo("p");
    assertThat(text(secrets.require("db-password"))).isEqualTo("p");
    assertThat(text(secrets.require("DB_PASSWORD"))).isEqualTo("p");
  }

  @Test
  void fileVariable_pointingAtAFile_readsItTrimmed() {
    Path file = write(tmp.resolve("pw.txt"), "from-file\n");
    Secrets secrets = Secrets.builder()
        .environment(Map.of("DB_PASSWORD_FILE", file.toString())).build();

    assertThat(text(secrets.require("db.password"))).isEqualTo("from-file");
  }

  @Test
  void fileVariable_missingFile_isAnErrorNamingVariableAndPath() {
    Path file = tmp.resolve("absent.txt");
    Secrets secrets = Secrets.builder()
        .environment(Map.of("DB_PASSWORD_FILE", file.toString())).build();

    assertThatThrownBy(() -> secrets.require("db.password"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessage("file " + file + " (from environment DB_PASSWORD_FILE) does not exist");
  }

  @Test
  void fileVariable_blank_isAnError() {
    Secrets secrets = Secrets.builder().environment(Map.of("DB_PASSWORD_FILE", " ")).build();

    assertThatThrownBy(() -> secrets.require("db.password"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessageContaining("DB_PASSWORD_FILE is empty");
  }

  @Test
  void fileVariable_pointingAtADirectory_isAnError() {
    Secrets secrets = Secrets.builder()
        .environment(Map.of("DB_PASSWORD_FILE", tmp.toString())).build();

    assertThatThrownBy(() -> secrets.require("db.password"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessageEndingWith("is not a regular file");
  }

  @Test
  void environment_variableAndFileVariableBothSet_isAnErrorWithoutTheValue() {
    Path file = write(tmp.resolve("pw.txt"), VALUE + "file");
    Secrets secrets = Secrets.builder().environment(Map.of(
        "DB_PASSWORD", VALUE + "env", "DB_PASSWORD_FILE", file.toString())).build();

    assertThatThrownBy(() -> secrets.require("db.password"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessage("environment variables DB_PASSWORD and DB_PASSWORD_FILE are both set;"
            + " set only one of them")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void secretsDirectory_fileNamedAsGiven_isFound() {
    write(secretsDir().resolve("db.password"), "p\n");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThat(text(secrets.require("db.password"))).isEqualTo("p");
  }

  @Test
  void secretsDirectory_lowerCaseEnvironmentSpelling_isTheSecondChoice() {
    write(secretsDir().resolve("db_password"), "lower");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThat(text(secrets.require("DB_PASSWORD"))).isEqualTo("lower");
    assertThat(text(secrets.require("db.password"))).isEqualTo("lower");
  }

  @Test
  void secretsDirectory_nameAsGiven_winsOverLowerCase() {
    write(secretsDir().resolve("db.password"), "as-given");
    write(secretsDir().resolve("db_password"), "lower");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThat(text(secrets.require("db.password"))).isEqualTo("as-given");
  }

  @Test
  void secretsDirectory_kubernetesStyleSymlink_isFollowed() throws IOException {
    Path data = write(secretsDir().resolve("..2026_11_29/db_password"), "rotated");
    Files.createSymbolicLink(secretsDir().resolve("..data"), data.getParent().getFileName());
    Files.createSymbolicLink(secretsDir().resolve("db_password"), Path.of("..data/db_password"));
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThat(text(secrets.require("db_password"))).isEqualTo("rotated");
  }

  @Test
  void secretsDirectory_isReadOnEachLookup_soRotationIsSeen() {
    write(secretsDir().resolve("token"), "old");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();
    assertThat(text(secrets.require("token"))).isEqualTo("old");

    write(secretsDir().resolve("token"), "new");

    assertThat(text(secrets.require("token"))).isEqualTo("new");
  }

  @Test
  void secretsDirectory_entryThatIsADirectory_isAnError() throws IOException {
    Files.createDirectories(secretsDir().resolve("token"));
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThatThrownBy(() -> secrets.require("token"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessage("file " + secretsDir().resolve("token") + " is not a regular file");
  }

  @Test
  void secretsDirectory_pathThatIsAFile_failsAtBuild() {
    Path file = write(tmp.resolve("not-a-dir"), "x");

    assertThatThrownBy(() -> Secrets.builder().secretsDirectory(file).build())
        .isInstanceOf(SecretSourceException.class)
        .hasMessage("secrets directory " + file + " is not a directory");
  }

  @Test
  void secretsDirectory_fileThatIsNotUtf8_isRefusedWithoutItsContent() {
    write(secretsDir().resolve("key"), new byte[] {'k', (byte) 0xff, 'y'}, "rw-------");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThatThrownBy(() -> secrets.require("key"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessageContaining("is not UTF-8 text")
        .hasMessageContaining("base64");
  }

  @Test
  void secretsDirectory_fileLargerThanOneMebibyte_isRefused() {
    byte[] big = new byte[SecretFiles.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    write(secretsDir().resolve("big"), big, "rw-------");
    write(secretsDir().resolve("max"), new byte[SecretFiles.MAX_BYTES], "rw-------");
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThatThrownBy(() -> secrets.require("big"))
        .isInstanceOf(SecretSourceException.class)
        .hasMessageEndingWith("is larger than 1048576 bytes");
    assertThat(secrets.require("max").bytes()).hasSize(SecretFiles.MAX_BYTES);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "value\\n       | value",
      "value\\r\\n    | value",
      "value\\n\\n    | value\\n",
      "value\\r\\n\\r\\n | value\\r\\n",
      "value          | value",
      "value \\n      | 'value '",
      "\\n            | ''",
      "''             | ''",
      "line1\\nline2\\n | line1\\nline2",
      "value\\r       | value\\r",
  })
  void secretFile_trailingNewline_exactlyOneIsTrimmed(String content, String expected) {
    write(secretsDir().resolve("s"), unescape(content));
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThat(text(secrets.require("s"))).isEqualTo(unescape(expected));
  }

  @Test
  void dotenv_environmentSpelling_isFound() {
    write(dotenv(), "# local development\nDB_PASSWORD='p w'\n");
    Secrets secrets = Secrets.builder().dotenv(dotenv()).build();

    assertThat(text(secrets.require("db.password"))).isEqualTo("p w");
  }

  @Test
  void dotenv_isReadOnceAtBuild() {
    write(dotenv(), "A=1\n");
    Secrets secrets = Secrets.builder().dotenv(dotenv()).build();
    write(dotenv(), "A=2\n");

    assertThat(secrets.getInt("a")).isEqualTo(1);
  }

  @Test
  void dotenv_syntaxError_failsAtBuildWithLineNumberAndNoValue() {
    write(dotenv(), "A=1\n" + VALUE + "\n");

    assertThatThrownBy(() -> Secrets.builder().dotenv(dotenv()).build())
        .isInstanceOf(SecretSourceException.class)
        .hasMessage(".env " + dotenv() + ": line 2 has a key that is not followed by '='"
            + " (a key matches [A-Za-z_][A-Za-z0-9_]*)")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE));
  }

  @Test
  void dotenv_absentFile_holdsNothingAndIsListed() {
    Secrets secrets = Secrets.builder().dotenv(dotenv()).build();

    assertThatThrownBy(() -> secrets.require("x"))
        .isInstanceOf(MissingSecretException.class)
        .hasMessageContaining(".env " + dotenv() + " (file absent)");
  }

  @Test
  void order_systemPropertyWinsOverEverything() {
    write(secretsDir().resolve("db.password"), VALUE + "dir");
    write(dotenv(), "DB_PASSWORD=" + VALUE + "dotenv\n");

    Secrets secrets = all(Map.of("DB_PASSWORD", VALUE + "env"));

    assertThat(text(secrets.require("db.password"))).isEqualTo(VALUE + "sysprop");
  }

  @Test
  void order_environmentWinsOverDirectoryAndDotenv() {
    write(secretsDir().resolve("token"), "dir");
    write(dotenv(), "TOKEN=dotenv\n");

    Secrets secrets = all(Map.of("TOKEN", "env"));

    assertThat(text(secrets.require("token"))).isEqualTo("env");
  }

  @Test
  void order_fileVariableWinsOverDirectoryAndDotenv() {
    Path file = write(tmp.resolve("elsewhere/token"), "file-variable");
    write(secretsDir().resolve("token"), "dir");
    write(dotenv(), "TOKEN=dotenv\n");

    Secrets secrets = all(Map.of("TOKEN_FILE", file.toString()));

    assertThat(text(secrets.require("token"))).isEqualTo("file-variable");
  }

  @Test
  void order_directoryWinsOverDotenv() {
    write(secretsDir().resolve("token"), "dir");
    write(dotenv(), "TOKEN=dotenv\n");

    assertThat(text(all(Map.of()).require("token"))).isEqualTo("dir");
  }

  @Test
  void order_dotenvWinsOverDefault() {
    write(dotenv(), "TOKEN=dotenv\n");

    assertThat(all(Map.of()).getString("token", "default")).isEqualTo("dotenv");
  }

  @Test
  void order_defaultIsUsedWhenNoSourceHasTheKey() {
    assertThat(all(Map.of()).getString("token", "default")).isEqualTo("default");
  }

  @Test
  void order_doesNotDependOnTheOrderOfBuilderCalls() {
    write(dotenv(), "TOKEN=dotenv\n");
    Map<String, String> env = Map.of("TOKEN", "env");

    Secrets a = Secrets.builder().dotenv(dotenv()).environment(env).build();
    Secrets b = Secrets.builder().environment(env).dotenv(dotenv()).build();

    assertThat(a.getString("token")).isEqualTo("env").isEqualTo(b.getString("token"));
  }

  @Test
  void environment_isCopiedAtBuild() {
    Map<String, String> env = new HashMap<>(Map.of("TOKEN", "first"));
    Secrets secrets = Secrets.builder().environment(env).build();
    env.put("TOKEN", "second");

    assertThat(secrets.getString("token")).isEqualTo("first");
  }

  @Test
  void require_nowhere_namesTheKeyAndEveryPlaceInOrder() {
    write(dotenv(), "OTHER=" + VALUE + "\n");
    Secrets secrets = all(Map.of("OTHER", VALUE));
    Path dir = secretsDir();

    assertThatThrownBy(() -> secrets.require("db.user"))
        .isInstanceOf(MissingSecretException.class)
        .hasMessage("secret db.user not found; looked at: system property db.user,"
            + " environment DB_USER, environment DB_USER_FILE,"
            + " file " + dir.resolve("db.user") + " (directory absent),"
            + " file " + dir.resolve("db_user") + " (directory absent),"
            + " .env " + dotenv() + ". Set one of them, or pass a default where the value is"
            + " optional")
        .satisfies(e -> Leaks.assertNoValue(e, VALUE))
        .satisfies(e -> {
          MissingSecretException missing = (MissingSecretException) e;
          assertThat(missing.name()).isEqualTo("db.user");
          assertThat(missing.placesLooked()).hasSize(6).startsWith("system property db.user");
        });
  }

  @Test
  void require_nowhereWithDirectoryPresent_listsFilesWithoutNote() throws IOException {
    Files.createDirectories(secretsDir());
    Secrets secrets = Secrets.builder().secretsDirectory(secretsDir()).build();

    assertThatThrownBy(() -> secrets.getInt("TOKEN"))
        .isInstanceOf(MissingSecretException.class)
        .hasMessageContaining("looked at: file " + secretsDir().resolve("TOKEN") + ", file "
            + secretsDir().resolve("token") + ". Set");
  }

  @Test
  void require_invalidName_isRejectedBeforeAnySourceIsRead() {
    Secrets secrets = all(Map.of());

    assertThatThrownBy(() -> secrets.require("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escape the secrets directory");
    assertThatThrownBy(() -> secrets.getString("a/b", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void require_returnsARedactedSecret() {
    Secret secret = all(Map.of()).require("db.password");

    assertThat(secret).hasToString("Secret[redacted]");
    assertThat(secret.bytes()).isEqualTo((VALUE + "sysprop").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void find_returnsIndependentSecretsEachTime() {
    Secrets secrets = all(Map.of());
    Secret first = secrets.find("db.password").orElseThrow();
    first.destroy();

    assertThat(text(secrets.find("db.password").orElseThrow())).isEqualTo(VALUE + "sysprop");
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\r", "\r");
  }
}
