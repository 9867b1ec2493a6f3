package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz contract for the presets: return or throw {@link InputTooLargeException}; the output
 * passes the independent jsoup check, is a fixed point, is what OWASP's own
 * {@code PolicyFactory.sanitize} gives when run until its output stops changing, and the
 * post-sanitize check does not fire. Regression mode in {@code verify}; {@code JAZZER_FUZZ=1}
 * to fuzz.
 */
class SanitizerFuzzTest {

  private static final List<HtmlPolicy> PRESETS =
      List.of(Sanitizers.PLAIN_TEXT, Sanitizers.BASIC, Sanitizers.RICH_TEXT);

  @FuzzTest
  void presets_sanitize(FuzzedDataProvider data) {
    HtmlPolicy policy = PRESETS.get(data.consumeInt(0, PRESETS.size() - 1));
    String html = data.consumeRemainingAsString();
    SanitizeResult result;
    try {
      result = policy.sanitizeWithReport(html);
    } catch (InputTooLargeException expected) {
      assertThat(html.length()).isGreaterThan(policy.maxInputLength());
      return;
    }
    assertThat(XssChecker.problems(result.html())).isEmpty();
    assertThat(policy.sanitize(result.html())).isEqualTo(result.html());
    assertThat(result.postCheckFailed()).isFalse();
    assertThat(result.html()).isEqualTo(SanitizerPropertyTest.untilStable(policy, html));
  }
}
