package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.sanitize.OutputCheck.Verdict;

/**
 * Fuzz contract for the post-sanitize check on arbitrary text, not only sanitizer output:
 * it never throws; it reads only the region it is given (text after it changes nothing: the
 * fuzzer picks that text from ones that would complete a construct cut at the region's end, a
 * name, an attribute value, a tag, an entity, the renderer's comment, or start a script);
 * whatever it does not reject passes the independent jsoup check; and where the balancer model
 * answers, it agrees with a real balancer. Regression mode in {@code verify};
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class OutputCheckFuzzTest {

  private static final String[] TAILS = {
      "<script>alert(1)</script", "r />", "\">", ";", "->", "</style>", ">", "=\"x\">"};

  @FuzzTest
  void check_arbitraryText(FuzzedDataProvider data) {
    String tail = TAILS[data.consumeInt(0, TAILS.length - 1)];
    String text = data.consumeRemainingAsString();
    OutputCheck check = Sanitizers.RICH_TEXT.outputCheck();
    Verdict verdict = check.check(text);
    char[] buffer = (text + tail).toCharArray();
    assertThat(check.check(buffer, text.length())).isEqualTo(verdict);
    if (verdict != Verdict.REJECTED) {
      assertThat(XssChecker.problems(text)).as("accepted: %s", text).isEmpty();
      Verdict byModel = check.checkByModel(text);
      if (byModel != null) {
        assertThat(byModel).isEqualTo(check.checkWithBalancer(text));
      }
    }
  }
}
