package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNameTest {

  @ParameterizedTest
  @CsvSource({
      "db.password, DB_PASSWORD, DB_PASSWORD_FILE, db.password, db_password",
      "DB_PASSWORD, DB_PASSWORD, DB_PASSWORD_FILE, DB_PASSWORD, db_password",
      "db_password, DB_PASSWORD, DB_PASSWORD_FILE, db_password, ",
      "redis-url,   REDIS_URL,   REDIS_URL_FILE,   redis-url,   redis_url",
      "_x1,         _X1,         _X1_FILE,         _x1,         ",
  })
  void of_validName_mapsToEachSource(String name, String env, String fileVariable,
      String firstFile, String secondFile) {
    SecretName key = SecretName.of(name);

    assertThat(key.name()).isEqualTo(name);
    assertThat(key.environmentKey()).isEqualTo(env);
    assertThat(key.fileVariable()).isEqualTo(fileVariable);
    if (secondFile == null) {
      assertThat(key.fileNames()).containsExactly(firstFile);
    } else {
      assertThat(key.fileNames()).containsExactly(firstFile, secondFile);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/b", "/etc/passwd", "a\\b", "..", ".", ".hidden", "a\0b"})
  void of_nameThatCouldEscapeTheDirectory_isRejected(String name) {
    assertThatThrownBy(() -> SecretName.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escape the secrets directory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1abc", "a b", "a:b", "a$b", "ä", "-a", "a\nb", "a\u212Ab"})
  void of_nameWithADisallowedCharacter_isRejectedNamingTheRule(String name) {
    assertThatThrownBy(() -> SecretName.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[A-Za-z_][A-Za-z0-9_.-]*");
  }

  @Test
  void of_slash_isRejectedSayingWhy() {
    assertThatThrownBy(() -> SecretName.of("../db_password"))
        .hasMessageContaining("could escape the secrets directory")
        .hasMessageContaining("index 2");
    assertThatThrownBy(() -> SecretName.of(".."))
        .hasMessageContaining("could name a hidden file or escape the secrets directory");
  }

  @Test
  void of_rejectedName_isNotEchoed() {
    String pasted = "hunter2 is/my password";
    assertThatThrownBy(() -> SecretName.of(pasted))
        .satisfies(e -> Leaks.assertNoValue(e, "hunter2"));
  }

  @Test
  void of_empty_isRejected() {
    assertThatThrownBy(() -> SecretName.of("")).hasMessage("secret name is empty");
  }

  @Test
  void of_longestName_isAcceptedAndOneMoreIsRejected() {
    assertThat(SecretName.of("a".repeat(SecretName.MAX_LENGTH)).name())
        .hasSize(SecretName.MAX_LENGTH);
    assertThatThrownBy(() -> SecretName.of("a".repeat(SecretName.MAX_LENGTH + 1)))
        .hasMessageContaining("longer than 128");
  }

  @Test
  void of_null_isRejectedByName() {
    assertThatThrownBy(() -> SecretName.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
