package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.password.PasswordVerification.Reason;
import java.text.Normalizer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer vectors (jBCrypt TestBCrypt classics and fixed-salt vectors, each checked by
 * python3-bcrypt and PHP) and hashes made by htpasswd, mkpasswd, python3-bcrypt, PHP and Spring
 * Security's {@code BCryptPasswordEncoder} (with the {@code {bcrypt}} prefix); see
 * {@code make-interop-vectors.sh}.
 */
class BcryptVectorsTest {

  private static final PasswordHasher HASHER = PasswordHasher.bcrypt().insecureCostForTests(5)
      .build();

  static Stream<Map<String, String>> knownAnswers() {
    return Vectors.load("bcrypt-kat.json").stream();
  }

  static Stream<Map<String, String>> interop() {
    return Vectors.load("bcrypt-interop.json").stream();
  }

  @ParameterizedTest
  @MethodSource("knownAnswers")
  void verify_knownAnswerVector_matches(Map<String, String> vector) {
    PasswordVerification result = HASHER.verify(vector.get("password").toCharArray(),
        vector.get("hash"));
    assertThat(result.matches()).as(vector.get("source")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("knownAnswers")
  void verify_knownAnswerVectorWithOneCharacterAdded_isMismatch(Map<String, String> vector) {
    String password = vector.get("password") + "!";
    PasswordVerification result = HASHER.verify(password.toCharArray(), vector.get("hash"));
    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).isIn(Reason.MISMATCH, Reason.CANDIDATE_TOO_LONG);
  }

  @ParameterizedTest
  @MethodSource("interop")
  void verify_hashFromOtherImplementation_matchesAndNeedsRehash(Map<String, String> vector) {
    PasswordVerification result = HASHER.verify(vector.get("password").toCharArray(),
        vector.get("hash"));
    assertThat(result.matches()).as(vector.get("tool")).isTrue();
    // cost 5 and $2b$ would be current for a cost-5 hasher; $2a$/$2y$ are not.
    assertThat(result.needsRehash()).isEqualTo(!vector.get("hash").startsWith("$2b$"));
  }

  @ParameterizedTest
  @MethodSource("interop")
  void verify_hashFromOtherImplementationWithNfdCandidate_matches(Map<String, String> vector) {
    String nfd = Normalizer.normalize(vector.get("password"), Normalizer.Form.NFD);
    assertThat(HASHER.verify(nfd.toCharArray(), vector.get("hash")).matches()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("interop")
  void verify_hashFromOtherImplementationWithSpringPrefix_matchesAndNeedsRehash(
      Map<String, String> vector) {
    String stored = vector.get("hash");
    PasswordVerification result = HASHER.verify(vector.get("password").toCharArray(),
        stored.startsWith("{bcrypt}") ? stored : "{bcrypt}" + stored);
    assertThat(result.matches()).isTrue();
    assertThat(result.needsRehash()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("interop")
  void verify_hashFromOtherImplementationWrongPassword_isMismatch(Map<String, String> vector) {
    PasswordVerification result = HASHER.verify("wrong".toCharArray(), vector.get("hash"));
    assertThat(result.reason()).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void interopData_coversEveryTool_andNonAscii() {
    assertThat(interop().map(v -> v.get("tool").split(" ")[0]).distinct())
        .contains("htpasswd", "mkpasswd", "python3-bcrypt", "php", "Spring");
    assertThat(interop().map(v -> v.get("hash").substring(0, 4)).distinct())
        .contains("$2a$", "$2b$", "$2y$", "{bcr");
    assertThat(interop().anyMatch(v -> v.get("password").chars().anyMatch(c -> c > 127)))
        .isTrue();
  }
}
