package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sanitize.OutputCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The one assumption {@link BalancerModel} makes about the OWASP tag balancer, checked against
 * the real one, and the model's answers on named cases (each compared with a replay through a
 * real balancer).
 */
class BalancerModelTest {

  /** Every element a Bulwark policy can allow. */
  private static List<String> allowable() {
    Set<String> all = new TreeSet<>(Elements.SAFE);
    all.add("a");
    all.add("img");
    return new ArrayList<>(all);
  }

  @Test
  void balancer_elementsOutsideTransparentList_decideFromTheTopAlone() {
    // For an element the model treats as opaque, the balancer's answer for any start tag or
    // text must not depend on what is open below it. If an OWASP upgrade made, say, span
    // transparent, this fails and TRANSPARENT needs the new name.
    List<String> elements = allowable();
    List<String> events = new ArrayList<>(List.of("# ", "#x"));
    elements.forEach(e -> events.add("<" + e));
    List<String> differences = new ArrayList<>();
    for (String top : elements) {
      if (BalancerModel.TRANSPARENT.contains(top) || !BalancerModel.probePushes(top)) {
        continue;
      }
      List<String> alone = BalancerModel.chainTo(top);
      for (String below : elements) {
        if (!BalancerModel.probePushes(below)) {
          continue;
        }
        List<String> setUp = new ArrayList<>(BalancerModel.chainTo(below));
        setUp.add(top);
        if (BalancerModel.probe(setUp.subList(0, setUp.size() - 1), "<" + top)
            != BalancerModel.PASSES) {
          continue; // top cannot sit directly on below
        }
        for (String event : events) {
          if (event.equals("<a") && setUp.contains("a")) {
            continue; // a link inside a link: the model counts open links itself
          }
          byte expected = BalancerModel.probe(alone, event);
          byte actual = BalancerModel.probe(setUp, event);
          if (expected != actual) {
            differences.add(below + " > " + top + " then " + event);
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  private static void agrees(String html, Verdict expected) {
    OutputCheck check = Sanitizers.RICH_TEXT.outputCheck();
    assertThat(check.checkWithBalancer(html)).as("balancer on %s", html).isEqualTo(expected);
    assertThat(check.checkByModel(html)).as("model on %s", html).isEqualTo(expected);
  }

  @Test
  void model_balancedOutput_isClean() {
    agrees("<p>a <b>b</b> <a href=\"https://x.test\" rel=\"nofollow\">c <em>d</em></a></p>"
        + "<ul><li>x</li></ul><table><tbody><tr><td>1</td></tr></tbody></table>",
        Verdict.CLEAN);
  }

  @Test
  void model_orphanListItem_isUnstable() {
    agrees("<li>x</li>", Verdict.UNSTABLE);
  }

  @Test
  void model_cellOutsideTable_isUnstable() {
    agrees("<p>para</p><td>x</td>", Verdict.UNSTABLE);
  }

  @Test
  void model_tableInParagraph_isUnstable() {
    agrees("<p><table><tbody><tr><td>x</td></tr></tbody></table></p>", Verdict.UNSTABLE);
  }

  @Test
  void model_linkInLink_isUnstable() {
    agrees("<a href=\"https://x.test\"><a href=\"https://y.test\">y</a></a>",
        Verdict.UNSTABLE);
  }

  @Test
  void model_endTagNotOnTop_isUnstable() {
    agrees("<b><i>x</b></i>", Verdict.UNSTABLE);
  }

  @Test
  void model_unclosedElement_isUnstable() {
    agrees("<p>x", Verdict.UNSTABLE);
  }

  @Test
  void model_textDirectlyInTable_isUnstable() {
    agrees("<table>x<tbody><tr><td>1</td></tr></tbody></table>", Verdict.UNSTABLE);
  }

  @Test
  void model_twoTransparentOnTop_asksTheBalancer() {
    OutputCheck check = new OutputCheck(Map.of("del", Set.of(), "ins", Set.of(), "p", Set.of()),
        Set.of(), Set.of());
    String html = "<p><del><ins>x</ins></del></p>";
    assertThat(check.checkByModel(html)).isNull();
    assertThat(check.check(html)).isEqualTo(check.checkWithBalancer(html));
  }

  @Test
  void model_deepNesting_asksTheBalancer() {
    OutputCheck check = new OutputCheck(Map.of("b", Set.of()), Set.of(), Set.of());
    String html = "<b>".repeat(BalancerModel.MAX_DEPTH + 1) + "x"
        + "</b>".repeat(BalancerModel.MAX_DEPTH + 1);
    assertThat(check.checkByModel(html)).isNull();
    assertThat(check.check(html)).isEqualTo(Verdict.CLEAN);
  }
}
