package dev.bulwark.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

  enum Color { RED, GREEN }

  @Test
  void validate_manyBadFields_collectsEveryErrorPerField() {
    ValidationResult r = Validation.builder()
        .field("age", "-3", Rules.integer(0, 150))
        .field("name", "x".repeat(30), Rules.length(1, 20),
            Rules.pattern(Pattern.compile("[a-z ]+"), 20, "lower-case letters"))
        .field("email", null, Rules.email())
        .optionalField("nickname", null, Rules.length(1, 5))
        .field("color", "blue", Rules.enumValue(Color.class))
        .field("ok", "fine", Rules.notBlank())
        .validate();
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors().keySet()).containsExactly("age", "name", "email", "color");
    assertThat(r.errorsFor("name")).extracting(Violation::code)
        .containsExactly("too_long", "too_long");
    assertThat(r.errorsFor("age")).extracting(Violation::code).containsExactly("out_of_range");
    assertThat(r.errorsFor("email")).extracting(Violation::code).containsExactly("required");
    assertThat(r.errorsFor("ok")).isEmpty();
    assertThat(r.messages()).contains("color: must be one of: GREEN, RED");
  }

  @Test
  void validate_allGood_isValid() {
    assertThat(Validation.builder().field("a", "5", Rules.integer(1, 9)).validate().isValid())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.5", "1e3", "+1", "--1", "-", "٣", "99999999999999999999999"})
  void integer_notAnInteger_isRefused(String value) {
    assertThat(Rules.integer(-100, 100).check(value)).get().extracting(Violation::code)
        .isEqualTo("not_integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co"})
  void email_plainAddress_isAccepted(String value) {
    assertThat(Rules.email().check(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "@x.com", "a@", "a@b", "a@@b.com", "a b@c.com", ".a@b.com",
      "a..b@c.com", "a@-b.com", "a@b.com\n", "\"q\"@b.com", "a@[127.0.0.1]", "ä@b.com"})
  void email_malformed_isRefused(String value) {
    assertThat(Rules.email().check(value)).isPresent();
  }

  @Test
  void url_schemeAllowList_isEnforced() {
    Rule rule = Rules.url("https");
    assertThat(rule.check("https://example.com/a?b")).isEmpty();
    assertThat(rule.check("http://example.com/")).isPresent();
    assertThat(rule.check("javascript:alert(1)")).isPresent();
    assertThat(rule.check("https://user@example.com/")).isPresent();
    assertThat(rule.check("https:///path")).isPresent();
    assertThat(rule.check("https://exa mple.com/")).isPresent();
  }

  @Test
  void emailAndUrl_internationalisedDomain_acceptedOnlyAsALabel() {
    // ASCII only by design (docs/input.md): the A-label form passes, the Unicode form does not.
    assertThat(Rules.email().check("user@xn--bcher-kva.example")).isEmpty();
    assertThat(Rules.email().check("user@b\u00fccher.example")).get()
        .extracting(Violation::code).isEqualTo("email");
    assertThat(Rules.email().check("\u00fcser@example.com")).isPresent();
    assertThat(Rules.url("https").check("https://xn--bcher-kva.example/p")).isEmpty();
    assertThat(Rules.url("https").check("https://b\u00fccher.example/p")).get()
        .extracting(Violation::code).isEqualTo("url");
    // Cyrillic look-alike of paypal.com
    assertThat(Rules.url("https").check("https://\u0440\u0430ypal.com/")).isPresent();
  }

  @Test
  void url_scriptScheme_isRefusedAtConfiguration() {
    assertThatIllegalArgumentException().isThrownBy(() -> Rules.url("javascript"));
    assertThatIllegalArgumentException().isThrownBy(() -> Rules.url());
  }

  @Test
  void pattern_overMaxLength_isRefusedWithoutMatching() {
    Rule rule = Rules.pattern(Pattern.compile("(a+)+b"), 30, "a's then b");
    assertThat(rule.check("a".repeat(31))).get().extracting(Violation::code).isEqualTo("too_long");
    assertThat(rule.check("aab")).isEmpty();
  }

  @Test
  void pattern_unboundedLength_isRefusedAtConfiguration() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Rules.pattern(Pattern.compile("a"), 1_000_000, "a"));
  }

  @Test
  void length_countsCodePoints() {
    assertThat(Rules.length(1, 1).check("\ud83d\ude00")).isEmpty();
    assertThat(Rules.length(2, 3).check("a")).get().extracting(Violation::code)
        .isEqualTo("too_short");
  }

  @Test
  void oneOf_andNotMultiplyEncoded_andNormalized() {
    assertThat(Rules.oneOf(List.of("a", "b")).check("c")).isPresent();
    assertThat(Rules.notMultiplyEncoded().check("%253C")).isPresent();
    assertThat(Rules.normalized().check("e\u0301")).isPresent();
    assertThat(Rules.noControlCharacters(false).check("a\u202eb")).isPresent();
    assertThat(Rules.safeFileName().check("../x")).isPresent();
    assertThat(Rules.safeRedirect(RedirectPolicy.relativeOnly()).check("//x")).isPresent();
  }
}
