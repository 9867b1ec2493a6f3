package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the stored-hash parsers through {@link PasswordHasher#verify(char[], String)}.
 * Contract: for any candidate and any stored string (bcrypt, {@code {bcrypt}}, Bulwark's
 * pre-hashed format, PHC Argon2id or garbage), verify returns a value and never throws. Under
 * {@code verify} it replays the seeds in
 * {@code src/test/resources/dev/bulwark/crypto/password/PasswordHasherFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to search for new inputs.
 */
class PasswordHasherFuzzTest {

  private static final PasswordHasher HASHER = PasswordHasher.bcrypt().insecureCostForTests(4)
      .pepper("k1", TestPeppers.KEY_1).maxVerifyCost(5).build();
  private static final String[] PREFIXES = {"", "$2b$04$", "$2a$05$", "{bcrypt}$2y$04$",
      "$bulwark-bcrypt$v=1$2b$04$", "$bulwark-bcrypt$v=1,k=k1$2b$04$",
      "$argon2id$v=19$m=64,t=1,p=1$", "{argon2}$argon2id$v=19$"};

  @FuzzTest
  void verify_anyStoredHash_neverThrows(FuzzedDataProvider data) {
    String prefix = PREFIXES[data.consumeInt(0, PREFIXES.length - 1)];
    char[] candidate = data.consumeString(100).toCharArray();
    String stored = prefix + data.consumeRemainingAsString();
    PasswordVerification result = HASHER.verify(candidate, stored);
    assertThat(result.reason()).isNotNull();
    assertThat(result.needsRehash()).isEqualTo(result.needsRehash() && result.matches());
  }
}
