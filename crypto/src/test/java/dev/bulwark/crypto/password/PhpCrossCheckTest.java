package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.RequiresTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The other direction of interop: hashes made by Bulwark are checked by PHP's
 * {@code password_verify} (libxcrypt-style bcrypt and libargon2), an independent implementation.
 */
@RequiresTool("php")
class PhpCrossCheckTest {

  private static final PasswordHasher BCRYPT = PasswordHasher.bcrypt().insecureCostForTests(4)
      .build();
  private static final PasswordHasher ARGON2ID = PasswordHasher.argon2id()
      .insecureParametersForTests().memoryKiB(64).iterations(1).build();

  @ParameterizedTest
  @ValueSource(strings = {"correct horse", "pässwörd", "密码测试", "🔐 key",
      "éééééééééééééééééééééééééééééééééééé"})
  void bulwarkBcryptHash_isVerifiedByPhp(String password) throws Exception {
    String stored = BCRYPT.hash(password.toCharArray());
    assertThat(phpVerifies(password, stored)).isTrue();
    assertThat(phpVerifies("X" + password.substring(1), stored)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"éééééééééééééééééééééééééééééééééééé"})
  void longerCandidate_phpTruncatesButBulwarkRefuses(String password72Bytes) throws Exception {
    // The hole this hasher closes: PHP compares only the first 72 bytes.
    String stored = BCRYPT.hash(password72Bytes.toCharArray());
    assertThat(phpVerifies(password72Bytes + "x", stored)).isTrue();
    assertThat(BCRYPT.verify((password72Bytes + "x").toCharArray(), stored).reason())
        .isEqualTo(PasswordVerification.Reason.CANDIDATE_TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct horse", "pässwörd", "密码测试"})
  void bulwarkArgon2idHash_isVerifiedByPhp(String password) throws Exception {
    assertThat(phpVerifies(password, ARGON2ID.hash(password.toCharArray()))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ame\u0301lie"})
  void bulwarkHashOfNfdInput_isVerifiedByPhpWithNfcPassword(String nfd) throws Exception {
    assertThat(phpVerifies("Am\u00e9lie", BCRYPT.hash(nfd.toCharArray()))).isTrue();
  }

  private static boolean phpVerifies(String password, String hash)
      throws IOException, InterruptedException {
    Process php = new ProcessBuilder("php", "-r",
        "echo password_verify($argv[1], $argv[2]) ? '1' : '0';", "--", password, hash)
        .redirectErrorStream(true).start();
    String out = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(php.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isIn("0", "1");
    return out.equals("1");
  }
}
