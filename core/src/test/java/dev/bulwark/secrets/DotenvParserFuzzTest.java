package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link DotenvParser}. Contract: for any bytes it returns entries with valid keys, or
 * throws {@link SecretSourceException} whose message is one of the fixed templates (so it cannot
 * echo input). Under {@code verify} it replays the seeds in
 * {@code src/test/resources/dev/bulwark/secrets/DotenvParserFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to search for new inputs.
 */
class DotenvParserFuzzTest {

  private static final String SOURCE = ".env fuzz";
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern MESSAGE = Pattern.compile(Pattern.quote(SOURCE)
      + "(?: is not UTF-8 text| is larger than \\d+ bytes|: line \\d+ (?:"
      + "is longer than \\d+ characters"
      + "|contains a NUL character"
      + "|contains a carriage return that does not end the line"
      + "|has no '=' after the key"
      + "|has a key that is not followed by '=' \\(a key matches [^)]*\\)"
      + "|does not start with a key \\(a key matches [^)]*\\)"
      + "|sets [A-Za-z_][A-Za-z0-9_]* again \\(first set on line \\d+\\)"
      + "|has an unterminated single quote"
      + "|has an unterminated double quote"
      + "|has an unknown escape sequence in double quotes \\(allowed: [^)]*\\)"
      + "|has characters after the closing quote \\(only a # comment may follow\\)"
      + "))");

  @FuzzTest
  void parse_anyBytes_returnsEntriesOrThrowsSecretSourceException(FuzzedDataProvider data) {
    byte[] content = data.consumeRemainingAsBytes();
    Map<String, String> entries;
    try {
      entries = DotenvParser.parse(content, SOURCE);
    } catch (SecretSourceException e) {
      assertThat(e.getMessage()).matches(MESSAGE);
      assertThat(e).hasNoCause();
      return;
    }
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      assertThat(entry.getKey()).matches(KEY);
      assertThat(entry.getValue()).doesNotContain("\0"); // "\n" may come from an escape
    }
  }
}
