package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"report.pdf", "a", "résumé.docx", "photo 2024.jpg", ".bashrc",
      "console.log", "com10.txt", "lpt.txt", "日本語.txt", "con-notes.txt"})
  void check_safeName_isAccepted(String name) {
    assertThat(FileNames.check(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "../etc/passwd|separator", "..\\windows|separator", "a/b|separator", ".|dot_name",
      "..|dot_name", "CON|reserved_name", "con.txt|reserved_name", "Lpt1.log|reserved_name",
      "COM\u00b9.txt|reserved_name", "'nul '|trailing", "aux.tar.gz|reserved_name",
      "file.|trailing", "'file '|trailing", "' file'|trailing", "a:b|reserved_character",
      "a*b|reserved_character", "a?b|reserved_character", "a\"b|reserved_character",
      "a<b|reserved_character", "a>b|reserved_character"})
  void check_unsafeName_isRefusedWithCode(String name, String code) {
    assertThat(FileNames.check(name)).get().extracting(Violation::code).isEqualTo(code);
  }

  @Test
  void check_pipe_isRefused() {
    assertThat(FileNames.check("a|b")).get().extracting(Violation::code)
        .isEqualTo("reserved_character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\nb", "a\u007fb", "a\u0085b", "invoice\u202efdp.exe",
      "a\u200bb", "a\ufeffb", "a\ud800b"})
  void check_controlOrInvisibleCharacter_isRefused(String name) {
    assertThat(FileNames.check(name)).get().extracting(Violation::code)
        .isEqualTo("control_character");
  }

  @Test
  void check_decomposedName_isRefusedAsNotNormalized() {
    assertThat(FileNames.check("re\u0301sume\u0301.pdf")).get().extracting(Violation::code)
        .isEqualTo("not_normalized");
  }

  @Test
  void check_lengthLimitInUtf8Bytes_isEnforced() {
    assertThat(FileNames.isSafe("a".repeat(255))).isTrue();
    assertThat(FileNames.isSafe("a".repeat(256))).isFalse();
    assertThat(FileNames.isSafe("é".repeat(128))).isFalse();
    assertThat(FileNames.isSafe("")).isFalse();
  }
}
