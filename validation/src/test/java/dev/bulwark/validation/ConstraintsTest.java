package dev.bulwark.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The constraints, run by Hibernate Validator (the Bean Validation reference implementation). */
class ConstraintsTest {

  private static final Validator validator = HibernateValidation.VALIDATOR;

  record Form(
      @SafeHtml(policy = SafeHtml.Policy.BASIC) String comment,
      @SafeHtml(policy = SafeHtml.Policy.RICH_TEXT) String article,
      @SafeRedirect String next,
      @SafeRedirect(allowHosts = "app.example.com") String returnTo,
      @SafeFileName String upload,
      @NoControlCharacters String name,
      @NoControlCharacters(allowLineBreaks = true) String bio) {}

  private static Set<String> failing(Form form) {
    return validator.validate(form).stream()
        .map(ConstraintViolation::getPropertyPath).map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void constraints_goodValues_pass() {
    Form good = new Form("<b>hi</b> a &lt; b", "<a href=\"https://x.test\">x</a>", "/home",
        "https://app.example.com/x", "report.pdf", "Ann", "line one\nline two");
    assertThat(failing(good)).isEmpty();
  }

  @Test
  void constraints_badValues_failPerField() {
    Form bad = new Form("<img src=x onerror=alert(1)>", "<a href=\"javascript:x\">x</a>",
        "//evil.com", "https://evil.com/", "../etc/passwd", "Ann\u202e", "a\u0000b");
    assertThat(failing(bad)).containsExactlyInAnyOrder("comment", "article", "next",
        "returnTo", "upload", "name", "bio");
  }

  @Test
  void constraints_nullValues_areValid() {
    assertThat(failing(new Form(null, null, null, null, null, null, null))).isEmpty();
  }

  @Test
  void safeHtml_message_isTheDefault() {
    Form bad = new Form("<script>x</script>", null, null, null, null, null, null);
    assertThat(validator.validate(bad)).extracting(ConstraintViolation::getMessage)
        .containsExactly("contains markup that is not allowed");
  }

  @Test
  void noControlCharacters_lineBreakWithoutOptIn_fails() {
    Form form = new Form(null, null, null, null, null, "a\nb", null);
    assertThat(failing(form)).containsExactly("name");
  }
}
