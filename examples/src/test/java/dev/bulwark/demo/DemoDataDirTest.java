package dev.bulwark.demo;

import static dev.bulwark.demo.DemoClient.SAME_ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo leaves in its data directory, and a second start over the same directory. */
class DemoDataDirTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir
  Path root;

  @Test
  void profileNote_isCiphertextAtRest_andSecondStartReusesEverything() throws Exception {
    Path dir = root.resolve("data");
    String user = "rest-user-" + UUID.randomUUID().toString().substring(0, 8);
    String note = "PLAINTEXT-NOTE-" + UUID.randomUUID();

    ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
    byte[] certificate;
    byte[] keyset;
    try (Demo demo = start(dir, firstOut, "10")) {
      DemoClient browser = new DemoClient(demo);
      browser.signUp(user, PASSWORD);
      assertThat(browser.json("PUT", "/api/profile", "{\"note\":\"" + note + "\"}", SAME_ORIGIN)
          .statusCode()).isEqualTo(200);
      certificate = Files.readAllBytes(demo.certificatePath());
      keyset = Files.readAllBytes(dir.resolve(ProfileVault.KEYSET));
    }
    String first = firstOut.toString(StandardCharsets.UTF_8);
    assertThat(first).contains("Created a self-signed TLS certificate")
        .contains("Created an encrypted keyset").contains("Created a generated master secret")
        .contains("WARNING").contains("Created the H2 database");

    byte[] database = Files.readAllBytes(dir.resolve(Database.H2_BASE_NAME + ".mv.db"));
    assertThat(contains(database, user)).as("the scan finds plaintext that is there").isTrue();
    assertThat(contains(database, note)).as("the note in the database file").isFalse();
    assertThat(contains(database, "PLAINTEXT-NOTE")).isFalse();
    String stored;
    String hashBefore;
    try (Connection c = DriverManager.getConnection(
            Database.h2Url(dir.resolve(Database.H2_BASE_NAME)));
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT profile_note, password_hash FROM demo_user")) {
      assertThat(row.next()).isTrue();
      stored = row.getString(1);
      hashBefore = row.getString(2);
    }
    assertThat(stored).doesNotContain(note).doesNotContain("PLAINTEXT").matches("[A-Za-z0-9_-]+");
    assertThat(hashBefore).doesNotContain(PASSWORD);

    for (String name : new String[] {TlsMaterial.KEY_FILE, ProfileVault.FILE,
        ProfileVault.KEYSET, Database.H2_BASE_NAME + ".mv.db"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
          .as(name).isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");

    ByteArrayOutputStream secondOut = new ByteArrayOutputStream();
    try (Demo demo = start(dir, secondOut, "11")) {
      DemoClient browser = new DemoClient(demo);
      assertThat(browser.logIn(user, PASSWORD).statusCode()).isEqualTo(303);
      HttpResponse<String> profile = browser.get("/api/profile");
      assertThat(profile.statusCode()).isEqualTo(200);
      assertThat(profile.body()).contains(note);
      assertThat(Files.readAllBytes(demo.certificatePath())).isEqualTo(certificate);
    }
    assertThat(Files.readAllBytes(dir.resolve(ProfileVault.KEYSET))).isEqualTo(keyset);
    assertThat(secondOut.toString(StandardCharsets.UTF_8))
        .contains("Reusing the TLS certificate").contains("Reusing the encrypted keyset")
        .contains("Reusing the H2 database").doesNotContain("Created");
    try (Connection c = DriverManager.getConnection(
            Database.h2Url(dir.resolve(Database.H2_BASE_NAME)));
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT password_hash FROM demo_user")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).as("rehashed at the new cost on log-in")
          .isNotEqualTo(hashBefore).contains("$11$");
    }
  }

  @Test
  void masterSecretFile_readableByOthers_isRefusedAtStart() throws Exception {
    Path dir = root.resolve("unsafe");
    try (Demo demo = start(dir, new ByteArrayOutputStream(), "10")) {
      assertThat(demo.dataDir()).isEqualTo(dir.toAbsolutePath());
    }
    Files.setPosixFilePermissions(dir.resolve(ProfileVault.FILE),
        PosixFilePermissions.fromString("rw-r--r--"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> start(dir, new ByteArrayOutputStream(), "10").close())
        .hasMessageContaining(ProfileVault.FILE);
  }

  private static Demo start(Path dir, ByteArrayOutputStream out, String cost) throws Exception {
    return Demo.start(DemoOptions.parse("--http-port", "0", "--https-port", "0",
        "--data-dir", dir.toString(), "--bcrypt-cost", cost),
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
