package dev.bulwark.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.password.PasswordVerification.Reason;
import org.junit.jupiter.api.Test;

/** Pepper: format, rotation, unknown ids, wrong keys, and what the key may look like. */
class PepperTest {

  private static BcryptBuilder bcrypt() {
    return PasswordHasher.bcrypt().insecureCostForTests(4);
  }

  private static final PasswordHasher K1 = bcrypt().pepper("k1", TestPeppers.KEY_1).build();
  private static final PasswordHasher K2_AFTER_K1 = bcrypt().pepper("k2", TestPeppers.KEY_2)
      .previousPepper("k1", TestPeppers.KEY_1).build();

  @Test
  void hash_withPepper_storesKeyIdInBulwarkFormat() {
    String stored = K1.hash("pw".toCharArray());
    assertThat(stored).matches("\\$bulwark-bcrypt\\$v=1,k=k1\\$2b\\$04\\$[./A-Za-z0-9]{53}");
    assertThat(K1.verify("pw".toCharArray(), stored)).isEqualTo(PasswordVerification.match(false));
  }

  @Test
  void hash_withPepper_acceptsLongPasswords() {
    String password = "x".repeat(500);
    assertThat(K1.verify(password.toCharArray(), K1.hash(password.toCharArray())).matches())
        .isTrue();
  }

  @Test
  void verify_hashUnderPreviousPepper_matchesAndNeedsRehash() {
    String old = K1.hash("pw".toCharArray());
    assertThat(K2_AFTER_K1.verify("pw".toCharArray(), old))
        .isEqualTo(PasswordVerification.match(true));
    String fresh = K2_AFTER_K1.hash("pw".toCharArray());
    assertThat(fresh).contains(",k=k2$");
    assertThat(K2_AFTER_K1.verify("pw".toCharArray(), fresh))
        .isEqualTo(PasswordVerification.match(false));
  }

  @Test
  void verify_unknownKeyId_isUnknownPepper() {
    String stored = K2_AFTER_K1.hash("pw".toCharArray());
    assertThat(K1.verify("pw".toCharArray(), stored).reason()).isEqualTo(Reason.UNKNOWN_PEPPER);
  }

  @Test
  void verify_sameIdDifferentKey_isMismatch() {
    PasswordHasher other = bcrypt().pepper("k1", TestPeppers.KEY_2).build();
    assertThat(other.verify("pw".toCharArray(), K1.hash("pw".toCharArray())).reason())
        .isEqualTo(Reason.MISMATCH);
  }

  @Test
  void verify_unpepperedHashWithPepperConfigured_matchesAndNeedsRehash() {
    String plain = bcrypt().build().hash("pw".toCharArray());
    assertThat(K1.verify("pw".toCharArray(), plain)).isEqualTo(PasswordVerification.match(true));
  }

  @Test
  void verify_pepperedHashWithoutPepper_isUnknownPepper() {
    assertThat(bcrypt().build().verify("pw".toCharArray(), K1.hash("pw".toCharArray())).reason())
        .isEqualTo(Reason.UNKNOWN_PEPPER);
  }

  @Test
  void pepper_shortKey_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> bcrypt().pepper("k1", TestPeppers.key("short-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("short-key");
  }

  @Test
  void pepper_badKeyId_isRefused() {
    assertThatThrownBy(() -> bcrypt().pepper("a$b", TestPeppers.KEY_1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
  }

  @Test
  void previousPepper_sameIdTwice_isRefused() {
    assertThatThrownBy(() -> bcrypt().previousPepper("k1", TestPeppers.KEY_1)
        .previousPepper("k1", TestPeppers.KEY_2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }

  @Test
  void build_currentIdAlsoPrevious_isRefused() {
    assertThatThrownBy(() -> bcrypt().pepper("k1", TestPeppers.KEY_1)
        .previousPepper("k1", TestPeppers.KEY_2).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new id");
  }

  @Test
  void toString_namesKeyIdOnly() {
    assertThat(K1.toString()).isEqualTo("PasswordHasher[bcrypt cost=4, pepper=k1]");
    assertThat(Pepper.UNKEYED.toString()).isEqualTo("Pepper[unkeyed]");
  }

  @Test
  void argon2id_withPepper_storesKeyIdAndRotates() {
    PasswordHasher a1 = PasswordHasher.argon2id().insecureParametersForTests().memoryKiB(64)
        .iterations(1).pepper("k1", TestPeppers.KEY_1).build();
    PasswordHasher a2 = PasswordHasher.argon2id().insecureParametersForTests().memoryKiB(64)
        .iterations(1).pepper("k2", TestPeppers.KEY_2).previousPepper("k1", TestPeppers.KEY_1)
        .build();
    String stored = a1.hash("pw".toCharArray());
    assertThat(stored).startsWith("$argon2id$v=19$m=64,t=1,p=1,keyid=azE$");
    assertThat(a2.verify("pw".toCharArray(), stored)).isEqualTo(PasswordVerification.match(true));
    assertThat(PasswordHasher.argon2id().insecureParametersForTests().memoryKiB(64).iterations(1)
        .build().verify("pw".toCharArray(), stored).reason()).isEqualTo(Reason.UNKNOWN_PEPPER);
  }
}
