package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.password.PasswordVerification.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bcrypt hasher: format, the 72-byte rule, NUL and Unicode handling, needsRehash. */
class BcryptHasherTest {

  private static final PasswordHasher COST_4 = PasswordHasher.bcrypt().insecureCostForTests(4)
      .build();
  private static final PasswordHasher LONG = PasswordHasher.bcrypt().insecureCostForTests(4)
      .longPasswords().build();

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void hash_ordinaryPassword_isStandard2bString() {
    String stored = COST_4.hash("correct horse".toCharArray());
    assertThat(stored).matches("\\$2b\\$04\\$[./A-Za-z0-9]{53}");
    assertThat(COST_4.verify("correct horse".toCharArray(), stored))
        .isEqualTo(PasswordVerification.match(false));
  }

  @Test
  void hash_samePasswordTwice_usesFreshSalts() {
    assertThat(COST_4.hash("pw".toCharArray())).isNotEqualTo(COST_4.hash("pw".toCharArray()));
  }

  @Test
  void verify_wrongPassword_isMismatch() {
    String stored = COST_4.hash("correct horse".toCharArray());
    PasswordVerification result = COST_4.verify("correct hors".toCharArray(), stored);
    assertThat(result.matches()).isFalse();
    assertThat(result.needsRehash()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void hash_callerArray_isNotModified() {
    char[] password = "keep me".toCharArray();
    COST_4.verify(password, COST_4.hash(password));
    assertThat(password).containsExactly("keep me".toCharArray());
  }

  @Test
  void build_defaults_costTwelve() {
    PasswordHasher hasher = PasswordHasher.bcrypt().build();
    assertThat(hasher.toString()).isEqualTo("PasswordHasher[bcrypt cost=12]");
  }

  @Test
  void hash_72BytesOfTwoByteCharacters_isAccepted() {
    String password = "é".repeat(36);
    assertThat(utf8Length(password)).isEqualTo(72);
    assertThat(COST_4.verify(password.toCharArray(), COST_4.hash(password.toCharArray()))
        .matches()).isTrue();
  }

  @Test
  void hash_72BytesOfFourByteCharacters_isAccepted() {
    String password = "🔐".repeat(18);
    assertThat(utf8Length(password)).isEqualTo(72);
    assertThat(COST_4.verify(password.toCharArray(), COST_4.hash(password.toCharArray()))
        .matches()).isTrue();
  }

  @Test
  void hash_73BytesEndingInMultibyteCharacter_throwsNamingLimitAndOption() {
    String password = "a".repeat(71) + "é"; // 73 bytes, 72 characters
    assertThat(password).hasSize(72);
    assertThatThrownBy(() -> COST_4.hash(password.toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("72 UTF-8 bytes")
        .hasMessageContaining("longPasswords()")
        .hasMessageNotContaining(password);
  }

  @Test
  void hash_73AsciiBytes_throws() {
    assertThatThrownBy(() -> COST_4.hash("a".repeat(73).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_73ByteCandidateAgainstHashOfIts72BytePrefix_isCandidateTooLong() {
    // Truncating implementations would call this a match.
    String stored = COST_4.hash("é".repeat(36).toCharArray());
    PasswordVerification result = COST_4.verify(("é".repeat(36) + "x").toCharArray(), stored);
    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.CANDIDATE_TOO_LONG);
  }

  @Test
  void verify_candidateSplitInsideMultibyteCharacterAtLimit_isCandidateTooLong() {
    String stored = COST_4.hash("a".repeat(71).toCharArray());
    PasswordVerification result = COST_4.verify(("a".repeat(71) + "é").toCharArray(), stored);
    assertThat(result.reason()).isEqualTo(Reason.CANDIDATE_TOO_LONG);
  }

  @Test
  void longPasswords_200Characters_roundTripsInDistinctFormat() {
    String password = "ü".repeat(200);
    String stored = LONG.hash(password.toCharArray());
    assertThat(stored).matches("\\$bulwark-bcrypt\\$v=1\\$2b\\$04\\$[./A-Za-z0-9]{53}");
    assertThat(LONG.verify(password.toCharArray(), stored))
        .isEqualTo(PasswordVerification.match(false));
    assertThat(LONG.verify("ü".repeat(199).toCharArray(), stored).reason())
        .isEqualTo(Reason.MISMATCH);
  }

  @Test
  void longPasswords_passwordsSharingFirst72Bytes_differ() {
    String stored = LONG.hash(("a".repeat(72) + "1").toCharArray());
    assertThat(LONG.verify(("a".repeat(72) + "2").toCharArray(), stored).matches()).isFalse();
  }

  @Test
  void longPasswords_plainHashFromBefore_verifiesAndNeedsRehash() {
    String plain = COST_4.hash("secret".toCharArray());
    assertThat(LONG.verify("secret".toCharArray(), plain))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void plainHasher_preHashedHash_verifiesAndNeedsRehash() {
    String preHashed = LONG.hash("secret".toCharArray());
    assertThat(COST_4.verify("secret".toCharArray(), preHashed))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void hash_nulCharacter_throws() {
    assertThatThrownBy(() -> COST_4.hash("abc\0def".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void verify_nulCandidateAgainstHashOfPrefixBeforeNul_isCandidateInvalid() {
    // C implementations hash "abc\0def" as "abc"; we never match such a candidate.
    String stored = COST_4.hash("abc".toCharArray());
    assertThat(COST_4.verify("abc\0def".toCharArray(), stored).reason())
        .isEqualTo(Reason.CANDIDATE_INVALID);
  }

  @Test
  void longPasswords_nulCharacter_roundTrips() {
    String stored = LONG.hash("abc\0def".toCharArray());
    assertThat(LONG.verify("abc\0def".toCharArray(), stored).matches()).isTrue();
    assertThat(LONG.verify("abc".toCharArray(), stored).matches()).isFalse();
  }

  @Test
  void hash_unpairedSurrogate_throws() {
    assertThatThrownBy(() -> COST_4.hash(new char[] {'a', '\uD800'}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void verify_unpairedSurrogate_isCandidateInvalid() {
    String stored = COST_4.hash("a".toCharArray());
    assertThat(COST_4.verify(new char[] {'a', '\uDC00'}, stored).reason())
        .isEqualTo(Reason.CANDIDATE_INVALID);
  }

  @Test
  void hash_emptyPassword_throws() {
    assertThatThrownBy(() -> COST_4.hash(new char[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void verify_nfdCandidateAgainstNfcHash_matches() {
    String stored = COST_4.hash("Ame\u0301lie".toCharArray()); // NFD input, stored as NFC
    assertThat(COST_4.verify("Am\u00e9lie".toCharArray(), stored).matches()).isTrue();
  }

  @Test
  void verify_compatibilityCharacter_isNotFolded() {
    // NFC keeps full-width letters distinct (NFKC would fold them to ASCII).
    String stored = COST_4.hash("ＡＢＣ".toCharArray());
    assertThat(COST_4.verify("ABC".toCharArray(), stored).matches()).isFalse();
  }

  @Test
  void verify_differentCost_needsRehash() {
    PasswordHasher cost5 = PasswordHasher.bcrypt().insecureCostForTests(5).build();
    assertThat(cost5.verify("pw".toCharArray(), COST_4.hash("pw".toCharArray())))
        .isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void verify_2aAnd2yVariantsOfCurrentHash_needRehash() {
    String stored = COST_4.hash("pw".toCharArray());
    for (String minor : new String[] {"a", "y"}) {
      String variant = "$2" + minor + stored.substring(3);
      assertThat(COST_4.verify("pw".toCharArray(), variant))
          .isEqualTo(PasswordVerification.match(true));
    }
  }

  @Test
  void verify_costAboveMaxVerifyCost_isUnsupportedParameters() {
    String stored = "$2b$17$" + COST_4.hash("pw".toCharArray()).substring(7);
    assertThat(COST_4.verify("pw".toCharArray(), stored).reason())
        .isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
  }

  @Test
  void verifyUnknownUser_anyPassword_isUnknownUserNoMatch() {
    PasswordVerification result = COST_4.verifyUnknownUser("guess".toCharArray());
    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).isEqualTo(Reason.UNKNOWN_USER);
  }

  @Test
  void verificationToString_holdsOutcomeOnly() {
    assertThat(PasswordVerification.match(true).toString())
        .isEqualTo("PasswordVerification[MATCH, needsRehash]");
    assertThat(PasswordVerification.noMatch(Reason.MISMATCH).toString())
        .isEqualTo("PasswordVerification[MISMATCH]");
  }

  @Test
  void hash_passwordArrayWithSecretContent_neverInToString() {
    char[] password = "hunter2-secret".toCharArray();
    String stored = COST_4.hash(password);
    PasswordVerification result = COST_4.verify(password, stored);
    assertThat(result.toString()).doesNotContain("hunter2").doesNotContain(stored.substring(7));
    assertThat(COST_4.toString()).doesNotContain("hunter2");
    assertThat(Arrays.toString(password)).isNotEmpty();
  }
}
