package dev.bulwark.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secrets.Secret;
import dev.bulwark.secrets.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of {@code docs/secrets.md}, compiled and run from outside the package, so
 * the guide cannot drift from the public API. Paths are rooted in a temporary directory and the
 * environment is injected; otherwise the code is the guide's.
 */
class SecretsGuideExamplesTest {

  @TempDir Path root;

  private Path file(String relative, String content, String mode) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void overview_example_readsEverySetting() throws IOException {
    Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    file("run/secrets/db_password", "from-docker\n", "r--------");
    file(".env", "DB_POOL_SIZE=20\nCORS_ORIGINS=https://a.example, https://b.example\n",
        "rw-------");

    Secrets secrets = Secrets.builder()
        .environment(Map.of("DB_TIMEOUT", "30s"))           // guide: .environment()
        .secretsDirectory(root.resolve("run/secrets"))      // guide: Path.of("/run/secrets")
        .dotenv(root.resolve(".env"))                       // guide: Path.of(".env")
        .refusePlaceholders()
        .build();

    Secret dbPassword = secrets.require("db.password");
    int poolSize = secrets.getInt("db.pool.size", 10);
    Duration timeout = secrets.getDuration("db.timeout", Duration.ofSeconds(5));
    List<String> origins = secrets.getList("cors.origins");

    assertThat(dbPassword.chars()).isEqualTo("from-docker".toCharArray());
    assertThat(poolSize).isEqualTo(20);
    assertThat(timeout).isEqualTo(Duration.ofSeconds(30));
    assertThat(origins).containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void secret_example_wipesTheCopyAndDestroys() {
    Secrets secrets = Secrets.builder()
        .environment(Map.of("PAYMENT_API_KEY", "key-123")).build();

    Secret apiKey = secrets.require("payment.api.key");
    String response = apiKey.withChars(key -> "called with " + key.length + " chars");
    apiKey.destroy();

    assertThat(response).isEqualTo("called with 7 chars");
    assertThat(apiKey.isDestroyed()).isTrue();
  }

  @Test
  void kubernetes_example_acceptsGroupReadableVolumeFiles() throws IOException {
    Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path data = file("run/secrets/..2026_11_29_00_00_00.1/db_password", "k8s", "r--r-----");
    Files.createSymbolicLink(root.resolve("run/secrets/..data"), data.getParent().getFileName());
    Files.createSymbolicLink(root.resolve("run/secrets/db_password"),
        Path.of("..data/db_password"));

    Secrets secrets = Secrets.builder()
        .secretsDirectory(root.resolve("run/secrets"))
        .allowGroupRead()
        .refusePlaceholders()
        .build();

    assertThat(secrets.require("db.password").chars()).isEqualTo("k8s".toCharArray());
  }
}
