package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.Optional;

/**
 * Fuzz contracts for the redirect, file-name and decimal validators: each returns a value for any input
 * and never throws; an accepted value has the documented shape. In {@code verify} these run in
 * regression mode over the seeds in {@code src/test/resources}; set {@code JAZZER_FUZZ=1} to
 * fuzz.
 */
class SecurityValidatorsFuzzTest {

  private static final RedirectPolicy POLICY =
      RedirectPolicy.builder().allowHosts("app.example.com").build();

  @FuzzTest
  void redirect_check(FuzzedDataProvider data) {
    String target = data.consumeRemainingAsString();
    Optional<Violation> violation = POLICY.check(target);
    if (violation.isPresent()) {
      assertThat(violation.get().code()).isEqualTo("unsafe_redirect");
      return;
    }
    // Accepted: printable ASCII, no backslash, and either a single-slash path or our host.
    assertThat(target.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')).isTrue();
    if (target.startsWith("/")) {
      assertThat(target).doesNotStartWith("//");
      assertThat(Canonicalizer.percentDecode(target)).doesNotStartWith("//");
    } else {
      URI uri = URI.create(target);
      assertThat(uri.getHost()).isEqualToIgnoringCase("app.example.com");
      assertThat(uri.getScheme()).isEqualToIgnoringCase("https");
      assertThat(uri.getRawUserInfo()).isNull();
    }
  }

  @FuzzTest
  void fileName_check(FuzzedDataProvider data) {
    String name = data.consumeRemainingAsString();
    if (FileNames.check(name).isPresent()) {
      return;
    }
    assertThat(name).doesNotContain("/").doesNotContain("\\").isNotIn(".", "..");
    assertThat(UnicodeText.firstControlCharacter(name, false)).isEqualTo(-1);
    assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(FileNames.MAX_BYTES);
  }

  @FuzzTest
  void canonicalize_neverThrows(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    Canonicalizer.Canonical c = Canonicalizer.canonicalize(input);
    assertThat(c.percentRounds()).isBetween(0, Canonicalizer.MAX_ROUNDS);
  }

  private static final java.math.BigDecimal MIN = new java.math.BigDecimal("-1000.5");
  private static final java.math.BigDecimal MAX = new java.math.BigDecimal("99999.99");
  private static final Rule DECIMAL = Rules.decimal(MIN, MAX, 3);

  @FuzzTest
  void decimal_check(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();
    Optional<Violation> violation = DECIMAL.check(value);
    if (violation.isPresent()) {
      assertThat(violation.get().code())
          .isIn("not_decimal", "too_many_decimals", "out_of_range", "too_long");
      return;
    }
    // Accepted: plain ASCII digits, no exponent, parses, in range, scale bounded.
    assertThat(value).matches("-?[0-9]+(\\.[0-9]+)?");
    java.math.BigDecimal parsed = new java.math.BigDecimal(value);
    assertThat(parsed).isBetween(MIN, MAX);
    assertThat(parsed.scale()).isBetween(0, 3);
  }
}
