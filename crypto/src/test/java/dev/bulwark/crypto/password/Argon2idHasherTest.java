package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.password.PasswordVerification.Reason;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argon2id: PHC output, interop with the argon2 tool, PHP and Spring Security's
 * {@code Argon2PasswordEncoder}, migration both ways.
 */
class Argon2idHasherTest {

  private static final PasswordHasher SMALL = PasswordHasher.argon2id()
      .insecureParametersForTests().memoryKiB(64).iterations(1).build();

  static Stream<Map<String, String>> interop() {
    return Vectors.load("argon2id-interop.json").stream();
  }

  @ParameterizedTest
  @MethodSource("interop")
  void verify_hashFromArgon2ToolOrPhp_matches(Map<String, String> vector) {
    PasswordVerification result = SMALL.verify(vector.get("password").toCharArray(),
        vector.get("hash"));
    assertThat(result.matches()).as(vector.get("tool")).isTrue();
    assertThat(result.needsRehash()).isTrue(); // other parameters than m=64,t=1
    assertThat(SMALL.verify((vector.get("password") + "x").toCharArray(), vector.get("hash"))
        .reason()).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void hash_defaults_owaspMinimumPhcString() {
    PasswordHasher hasher = PasswordHasher.argon2id().build();
    String stored = hasher.hash("correct horse".toCharArray());
    assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$"
        + "[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("correct horse".toCharArray(), stored))
        .isEqualTo(PasswordVerification.match(false));
    assertThat(hasher.toString()).isEqualTo("PasswordHasher[argon2id m=19456,t=2,p=1]");
  }

  @Test
  void hash_longNonAsciiPassword_roundTrips() {
    String password = "密码".repeat(100);
    assertThat(SMALL.verify(password.toCharArray(), SMALL.hash(password.toCharArray()))
        .matches()).isTrue();
  }

  @Test
  void verify_differentParameters_needsRehash() {
    PasswordHasher other = PasswordHasher.argon2id().insecureParametersForTests().memoryKiB(128)
        .iterations(1).build();
    assertThat(other.verify("pw".toCharArray(), SMALL.hash("pw".toCharArray())))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void argon2Hasher_bcryptHash_verifiesAndNeedsRehash() {
    String bcrypt = PasswordHasher.bcrypt().insecureCostForTests(4).build()
        .hash("pw".toCharArray());
    assertThat(SMALL.verify("pw".toCharArray(), bcrypt))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void bcryptHasher_argon2Hash_verifiesAndNeedsRehash() {
    PasswordHasher bcrypt = PasswordHasher.bcrypt().insecureCostForTests(4).build();
    assertThat(bcrypt.verify("pw".toCharArray(), SMALL.hash("pw".toCharArray())))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void verify_springArgon2Prefix_matchesAndNeedsRehash() {
    String stored = SMALL.hash("pw".toCharArray());
    assertThat(SMALL.verify("pw".toCharArray(), "{argon2}" + stored))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void build_belowOwaspTable_isRefusedNamingTheFix() {
    assertThatThrownBy(() -> PasswordHasher.argon2id().memoryKiB(19456).iterations(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryKiB(19456)");
    assertThatThrownBy(() -> PasswordHasher.argon2id().memoryKiB(4096).iterations(10).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OWASP");
  }

  @Test
  void build_owaspAlternativeRows_areAccepted() {
    int[][] rows = {{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}};
    for (int[] row : rows) {
      assertThat(PasswordHasher.argon2id().memoryKiB(row[0]).iterations(row[1]).build())
          .isNotNull();
    }
  }

  @Test
  void build_badParallelismIterationsOrVerifyCap_isRefused() {
    assertThatThrownBy(() -> PasswordHasher.argon2id().parallelism(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> PasswordHasher.argon2id().iterations(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterations");
    assertThatThrownBy(() -> PasswordHasher.argon2id().insecureParametersForTests()
        .memoryKiB(8).parallelism(2).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 x parallelism");
    assertThatThrownBy(() -> PasswordHasher.argon2id().maxVerifyMemoryKiB(1024).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxVerifyMemoryKiB");
  }
}
