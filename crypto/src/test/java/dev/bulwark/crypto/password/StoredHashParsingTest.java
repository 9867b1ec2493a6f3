package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.password.PasswordVerification.Reason;
import org.junit.jupiter.api.Test;

/** A named negative test for every branch of the stored-hash parsers, seen through verify. */
class StoredHashParsingTest {

  private static final PasswordHasher HASHER = PasswordHasher.bcrypt().insecureCostForTests(4)
      .build();
  /** A valid cost-4 hash of "pw" (made by PHP's password_hash, in the interop data's style). */
  private static final String VALID = HASHER.hash("pw".toCharArray());
  private static final String BODY = VALID.substring(7); // 53 characters of salt and hash
  private static final String ARGON_SALT = "c29tZXNhbHQxMjM0"; // 12 bytes
  private static final String ARGON_HASH = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; // 32 bytes

  private static Reason reason(String stored) {
    return HASHER.verify("pw".toCharArray(), stored).reason();
  }

  private static String argon(String params) {
    return "$argon2id$v=19$" + params + "$" + ARGON_SALT + "$" + ARGON_HASH;
  }

  @Test
  void valid_controlCase_matches() {
    assertThat(reason(VALID)).isEqualTo(Reason.MATCH);
  }

  @Test
  void empty_isMalformed() {
    assertThat(reason("")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void plainText_isMalformed() {
    assertThat(reason("pw")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void overMaxLength_isMalformed() {
    assertThat(reason("$2b$04$" + "a".repeat(600))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void otherCryptScheme_isUnsupportedAlgorithm() {
    assertThat(reason("$6$rounds=5000$salt$hash")).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reason("$1$salt$hash")).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reason("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA"))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void bcrypt2x_isUnsupportedAlgorithm() {
    assertThat(reason("$2x$04$" + BODY)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void bcryptOriginal2_isUnsupportedAlgorithm() {
    assertThat(reason("$2$04$" + BODY)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void bcryptUnknownMinor_isMalformed() {
    assertThat(reason("$2c$04$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptTooShort_isMalformed() {
    assertThat(reason(VALID.substring(0, 59))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptTooLong_isMalformed() {
    assertThat(reason(VALID + ".")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptMissingDollarAfterMinor_isMalformed() {
    assertThat(reason("$2bx04$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptNonDigitCost_isMalformed() {
    assertThat(reason("$2b$0a$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason("$2b$a4$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptCostBelowFour_isMalformed() {
    assertThat(reason("$2b$03$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptCostAbove31_isMalformed() {
    assertThat(reason("$2b$32$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptMissingDollarAfterCost_isMalformed() {
    assertThat(reason("$2b$04x" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bcryptCharacterOutsideAlphabet_isMalformed() {
    assertThat(reason("$2b$04$" + BODY.substring(0, 52) + "+")).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason("$2b$04$" + "é" + BODY.substring(1))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void springPrefixWithoutBcrypt_isMalformed() {
    assertThat(reason("{bcrypt}plain")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void springPrefixWith2x_isUnsupportedAlgorithm() {
    assertThat(reason("{bcrypt}$2x$04$" + BODY)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void bulwarkBcryptWithoutParameterEnd_isMalformed() {
    assertThat(reason("$bulwark-bcrypt$v=1")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bulwarkBcryptUnknownVersion_isUnsupportedAlgorithm() {
    assertThat(reason("$bulwark-bcrypt$v=2$2b$04$" + BODY))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void bulwarkBcryptUnknownParameter_isMalformed() {
    assertThat(reason("$bulwark-bcrypt$v=1,x=1$2b$04$" + BODY))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bulwarkBcryptBadKeyId_isMalformed() {
    assertThat(reason("$bulwark-bcrypt$v=1,k=$2b$04$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason("$bulwark-bcrypt$v=1,k=a b$2b$04$" + BODY))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void bulwarkBcryptInnerNot2b_isMalformed() {
    assertThat(reason("$bulwark-bcrypt$v=1$2a$04$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idValidShape_isMismatchNotMalformed() {
    assertThat(reason(argon("m=64,t=1,p=1"))).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void argon2idWithoutVersion_isUnsupportedAlgorithm() {
    assertThat(reason("$argon2id$m=64,t=1,p=1$" + ARGON_SALT + "$" + ARGON_HASH))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void argon2idVersion16_isUnsupportedAlgorithm() {
    assertThat(reason("$argon2id$v=16$m=64,t=1,p=1$" + ARGON_SALT + "$" + ARGON_HASH))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void argon2idBadVersionField_isMalformed() {
    assertThat(reason("$argon2id$v=x$m=64,t=1,p=1$" + ARGON_SALT + "$" + ARGON_HASH))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idTooManyFields_isMalformed() {
    assertThat(reason(argon("m=64,t=1,p=1") + "$extra")).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idWrongParameterCount_isMalformed() {
    assertThat(reason(argon("m=64,t=1"))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idParametersOutOfOrder_isMalformed() {
    assertThat(reason(argon("t=1,m=64,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idNumberWithLeadingZeroSignOrOverflow_isMalformed() {
    assertThat(reason(argon("m=064,t=1,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=+64,t=1,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=,t=1,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=99999999999,t=1,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=4294967296,t=1,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idParameterRange_isMalformed() {
    assertThat(reason(argon("m=64,t=0,p=1"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=64,t=1,p=0"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=64,t=1,p=256"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=15,t=1,p=2"))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idUnknownFourthParameter_isMalformed() {
    assertThat(reason(argon("m=64,t=1,p=1,data=YWJj"))).isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idBadKeyId_isMalformed() {
    assertThat(reason(argon("m=64,t=1,p=1,keyid=!!!"))).isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason(argon("m=64,t=1,p=1,keyid=JA"))).isEqualTo(Reason.MALFORMED_HASH); // "$"
  }

  @Test
  void argon2idPaddedOrInvalidBase64_isMalformed() {
    assertThat(reason("$argon2id$v=19$m=64,t=1,p=1$" + ARGON_SALT + "==$" + ARGON_HASH))
        .isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason("$argon2id$v=19$m=64,t=1,p=1$" + ARGON_SALT + "$" + ARGON_HASH + "*"))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idNonCanonicalBase64_isMalformed() {
    assertThat(reason("$argon2id$v=19$m=64,t=1,p=1$" + ARGON_SALT + "$" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idSaltOrHashTooShort_isMalformed() {
    assertThat(reason("$argon2id$v=19$m=64,t=1,p=1$c2FsdA$" + ARGON_HASH))
        .isEqualTo(Reason.MALFORMED_HASH);
    assertThat(reason("$argon2id$v=19$m=64,t=1,p=1$" + ARGON_SALT + "$aGFzaA"))
        .isEqualTo(Reason.MALFORMED_HASH);
  }

  @Test
  void argon2idTooMuchMemory_isUnsupportedParameters() {
    assertThat(reason(argon("m=4194304,t=1,p=1"))).isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
    assertThat(reason(argon("m=64,t=17,p=1"))).isEqualTo(Reason.UNSUPPORTED_PARAMETERS);
  }

  @Test
  void springArgon2Prefix_isParsed() {
    assertThat(reason("{argon2}" + argon("m=64,t=1,p=1"))).isEqualTo(Reason.MISMATCH);
    assertThat(reason("{argon2}$2b$04$" + BODY)).isEqualTo(Reason.MALFORMED_HASH);
  }
}
