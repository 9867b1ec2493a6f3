package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz contract for Bulwark's renderer against OWASP's: for any stream of events, with names
 * from everything a Bulwark policy can allow plus some it cannot, and arbitrary text and
 * attribute values, Bulwark's renderer either reports the stream unsupported (then a name
 * outside its tables was used) or writes exactly what OWASP's renderer writes into a
 * {@code StringBuilder}, once OWASP's joiners before vowel signs are all dropped (see
 * {@link Renderer}). Regression mode in {@code verify}; {@code JAZZER_FUZZ=1} to fuzz.
 */
class RendererFuzzTest {

  private static final Map<String, Set<String>> ALLOWABLE = RendererTest.ALLOWABLE;
  private static final Renderer.Markup MARKUP = new Renderer.Markup(ALLOWABLE);
  private static final String[] ELEMENTS = names(ALLOWABLE.keySet(), "script", "B", "svg");
  private static final String[] ATTRIBUTES =
      names(Set.of("href", "src", "title", "class", "colspan"), "onclick", "style", "Title");

  @FuzzTest
  void renderer_arbitraryEvents(FuzzedDataProvider data) {
    List<RendererTest.Event> events = new ArrayList<>();
    boolean outsideTables = false;
    while (data.remainingBytes() > 0 && events.size() < 64) {
      String element = ELEMENTS[data.consumeInt(0, ELEMENTS.length - 1)];
      boolean known = ALLOWABLE.containsKey(element);
      switch (data.consumeInt(0, 2)) {
        case 0 -> {
          List<String> attributes = new ArrayList<>();
          for (int k = data.consumeInt(0, 3); k > 0; k--) {
            String attribute = ATTRIBUTES[data.consumeInt(0, ATTRIBUTES.length - 1)];
            known &= ALLOWABLE.getOrDefault(element, Set.of()).contains(attribute);
            attributes.add(attribute);
            attributes.add(data.consumeString(40));
          }
          events.add(RendererTest.open(element, attributes.toArray(String[]::new)));
          outsideTables |= !known;
        }
        case 1 -> {
          events.add(RendererTest.close(element));
          outsideTables |= !known;
        }
        default -> events.add(RendererTest.text(data.consumeString(80)));
      }
    }
    String bulwark = RendererTest.bulwark(MARKUP, events);
    if (bulwark == null) {
      assertThat(outsideTables).as("unsupported without a name outside the tables").isTrue();
      return;
    }
    assertThat(outsideTables).isFalse();
    assertThat(RendererTest.escape(bulwark)).isEqualTo(RendererTest.escape(
        RendererTest.withoutJoinersBeforeVowelSigns(RendererTest.owasp(events))));
  }

  private static String[] names(Set<String> names, String... more) {
    List<String> all = new ArrayList<>(new java.util.TreeSet<>(names));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
