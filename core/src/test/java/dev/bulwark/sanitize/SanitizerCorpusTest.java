package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus gate: every payload from the public XSS corpora, through every preset, must give
 * an output in which nothing can run script (checked by {@link XssChecker} with jsoup's HTML5
 * parser), that is a fixed point of the policy, and whose parsed tree survives a round trip.
 */
class SanitizerCorpusTest {

  private static final List<HtmlPolicy> PRESETS =
      List.of(Sanitizers.PLAIN_TEXT, Sanitizers.BASIC, Sanitizers.RICH_TEXT);

  @Test
  void corpus_everyPresetEveryPayload_outputCannotRunScript() {
    List<String> payloads = Corpus.all();
    assertThat(payloads).hasSizeGreaterThan(7000);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (HtmlPolicy policy : PRESETS) {
      for (String payload : payloads) {
        String out = policy.sanitize(payload);
        checked++;
        for (String problem : XssChecker.problems(out)) {
          failures.add(problem + " from " + payload + " -> " + out);
        }
      }
    }
    System.out.println("SanitizerCorpusTest: " + payloads.size() + " payloads, " + checked
        + " outputs checked");
    assertThat(failures).isEmpty();
  }

  @Test
  void corpus_sanitizeTwice_isIdempotent() {
    List<String> failures = new ArrayList<>();
    for (HtmlPolicy policy : PRESETS) {
      for (String payload : Corpus.all()) {
        String once = policy.sanitize(payload);
        String twice = policy.sanitize(once);
        if (!once.equals(twice)) {
          failures.add(payload + " -> " + once + " -> " + twice);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void corpus_outputTree_survivesReparse() {
    List<String> failures = new ArrayList<>();
    for (HtmlPolicy policy : PRESETS) {
      for (String payload : Corpus.all()) {
        String tree = XssChecker.tree(policy.sanitize(payload));
        if (!XssChecker.tree(tree).equals(tree)) {
          failures.add(payload);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void corpus_postCheck_neverFiresOnPresets() {
    List<String> fired = new ArrayList<>();
    for (HtmlPolicy policy : PRESETS) {
      for (String payload : Corpus.all()) {
        if (policy.sanitizeWithReport(payload).postCheckFailed()) {
          fired.add(payload);
        }
      }
    }
    assertThat(fired).isEmpty();
  }
}
