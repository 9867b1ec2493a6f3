package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.owasp.html.Handler;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;

/**
 * Bulwark's renderer against OWASP's {@code HtmlStreamRenderer} writing into a
 * {@code StringBuilder} (what {@code PolicyFactory.sanitize} uses): the same output for every
 * code point in text and attribute values, for every element and attribute a Bulwark policy
 * can allow, and for seeded random event streams; the one intended difference (runs of
 * zero-width non-joiners before a vowel sign) named; and events it cannot write.
 */
class RendererTest {

  private static final char ZWNJ = '\u200C';

  /** Every element and attribute a Bulwark policy can allow. */
  static final Map<String, Set<String>> ALLOWABLE = allowable();

  private static final Renderer.Markup MARKUP = new Renderer.Markup(ALLOWABLE);

  private static final boolean[] VOWEL_SIGNS = owaspVowelSigns();

  /** One event for both renderers. */
  interface Event {
    void sendTo(HtmlStreamEventReceiver receiver);
  }

  static Event text(String text) {
    return r -> r.text(text);
  }

  static Event open(String element, String... attributes) {
    return r -> r.openTag(element, new ArrayList<>(List.of(attributes)));
  }

  static Event close(String element) {
    return r -> r.closeTag(element);
  }

  /** What Bulwark's renderer writes for the events, or null where it reports unsupported. */
  static String bulwark(Renderer.Markup markup, List<Event> events) {
    Renderer renderer = new Renderer(markup, 0);
    renderer.openDocument();
    events.forEach(e -> e.sendTo(renderer));
    renderer.closeDocument();
    return renderer.unsupported() ? null : renderer.output().toString();
  }

  /** What OWASP's renderer writes into a StringBuilder. */
  static String owasp(List<Event> events) {
    StringBuilder out = new StringBuilder();
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, Handler.DO_NOTHING);
    renderer.openDocument();
    events.forEach(e -> e.sendTo(renderer));
    renderer.closeDocument();
    return out.toString();
  }

  private static String bulwark(List<Event> events) {
    return bulwark(MARKUP, events);
  }

  @Test
  void text_everyBmpCodePointInEveryPosition_asOwaspWritesIt() {
    List<String> failures = new ArrayList<>();
    for (int cp = 0; cp <= 0xFFFF && failures.size() < 10; cp++) {
      String c = String.valueOf((char) cp);
      for (String text : List.of(c, "a" + c + "b", c + c, "{" + c, c + "{", "x&" + c)) {
        compare(List.of(text(text)), failures);
        compare(List.of(open("p", "title", text), text(text), close("p")), failures);
      }
      // A joiner at the end of an earlier text: OWASP drops it before a vowel sign too.
      compare(List.of(text("a" + ZWNJ), text(c + "b")), failures);
      compare(List.of(text("a" + ZWNJ + "\u0001"), text(c)), failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void text_astralCodePointsAndBrokenPairs_asOwaspWritesThem() {
    List<String> failures = new ArrayList<>();
    for (int cp = 0x10000; cp <= 0x10FFFF; cp += cp < 0x10100 || cp > 0x10FF00 ? 1 : 0xFF) {
      String c = new String(Character.toChars(cp));
      for (String text : List.of(c, "a" + c + "b", c.substring(0, 1) + "x",
          "x" + c.substring(1), c.substring(1) + c.substring(0, 1), c + c.substring(0, 1))) {
        compare(List.of(text(text)), failures);
        compare(List.of(open("img", "alt", text, "title", text)), failures);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void tags_everyAllowableElementWithEveryAttribute_asOwaspWritesThem() {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWABLE.entrySet()) {
      List<String> attributes = new ArrayList<>();
      for (String attribute : e.getValue()) {
        attributes.add(attribute);
        attributes.add("v`a\"l'u&e<{{>" + attribute);
      }
      String element = e.getKey();
      compare(List.of(open(element, attributes.toArray(String[]::new)), text("t"),
          close(element)), failures);
      compare(List.of(open(element), close(element), close(element)), failures);
      compare(List.of(open(element, "title", "`"), open(element, "title", "")), failures);
    }
    assertThat(failures).isEmpty();
    assertThat(bulwark(List.of(open("br"), open("img", "src", "https://x.test/a.png"))))
        .isEqualTo("<br /><img src=\"https://x.test/a.png\" />");
    assertThat(bulwark(List.of(open("p", "title", "a`b")))).isEqualTo("<p title=\"a&#96;b \">");
  }

  @Test
  void randomEventStreams_asOwaspWritesThem() {
    String[] elements = ALLOWABLE.keySet().toArray(String[]::new);
    String[] pieces = {"x", " ", "\t\n\r", "\u0000", "\u0007", "<", ">", "&", "\"", "'", "+",
        "=", "@", "`", "{", "{{", "}", "\u00e9", "\u4e2d", "\uD83D\uDE00", "\uD83D", "\uDE00",
        "\uFE60", "\uFFFD", "\uFFFE", "\uFFFF", "\u1FEF", "\u2028", String.valueOf(ZWNJ),
        "\u093A", "\u094F", "\u0950", "\u0985", "\u09CB", "\u09CC", "\u0C3E", "\u0C48",
        "\u0C4C", "\u0C4D", "&amp;", "</p>"};
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= 20_000 && failures.size() < 10; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Event> events = new ArrayList<>();
      for (int k = random.nextInt(1, 12); k > 0; k--) {
        String element = elements[random.nextInt(elements.length)];
        switch (random.nextInt(3)) {
          case 0 -> {
            List<String> attributes = new ArrayList<>();
            for (String attribute : ALLOWABLE.get(element)) {
              if (random.nextInt(3) == 0) {
                attributes.add(attribute);
                attributes.add(randomText(random, pieces));
              }
            }
            events.add(open(element, attributes.toArray(String[]::new)));
          }
          case 1 -> events.add(close(element));
          default -> events.add(text(randomText(random, pieces)));
        }
      }
      compare(events, failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void vowelSigns_askedOfOwasp_areTheDocumentedRanges() {
    // Guards the test oracle itself: the ranges OWASP's encoder drops a joiner before.
    int count = 0;
    for (int c = 0; c <= 0xFFFF; c++) {
      count += VOWEL_SIGNS[c] ? 1 : 0;
    }
    assertThat(count).isEqualTo(22 + 16 + 14 + 4 + 16 + 14);
    assertThat(VOWEL_SIGNS['\u093A']).isTrue();
    assertThat(VOWEL_SIGNS['\u0939']).isFalse();
    assertThat(VOWEL_SIGNS['\u09CC']).isFalse();
    assertThat(VOWEL_SIGNS['\u0C48']).isFalse();
    assertThat(VOWEL_SIGNS['\u0C4C']).isTrue();
    assertThat(VOWEL_SIGNS['\u0C4D']).isFalse();
  }

  @Test
  void text_runOfJoinersBeforeVowelSign_allDropped_whereOwaspDropsOnePerPass() {
    List<Event> events = List.of(text("a" + ZWNJ + ZWNJ + "\u0C3E"));
    assertThat(owasp(events)).isEqualTo("a" + ZWNJ + "\u0C3E");
    assertThat(bulwark(events)).isEqualTo("a\u0C3E");
    // Across texts, and with a dropped control character in between.
    assertThat(bulwark(List.of(text("a" + ZWNJ), text(ZWNJ + "\u0001" + ZWNJ + "\u093E"))))
        .isEqualTo("a\u093E");
  }

  @Test
  void text_joinerNotDirectlyBeforeVowelSign_isKept() {
    assertThat(bulwark(List.of(text("a" + ZWNJ + "&\u0C3E"))))
        .isEqualTo("a" + ZWNJ + "&amp;\u0C3E");
    assertThat(bulwark(List.of(text(ZWNJ + "\u0C48")))).isEqualTo(ZWNJ + "\u0C48");
    assertThat(bulwark(List.of(text("a" + ZWNJ), open("b"), text("\u0C3E"))))
        .isEqualTo("a" + ZWNJ + "<b>\u0C3E");
  }

  @Test
  void openTag_elementNotInMarkup_isUnsupportedAndNothingMoreIsWritten() {
    Renderer renderer = new Renderer(MARKUP, 0);
    renderer.text("a");
    renderer.openTag("script", List.of());
    renderer.text("b");
    renderer.openTag("p", List.of());
    renderer.closeTag("p");
    assertThat(renderer.unsupported()).isTrue();
    assertThatIllegalStateException().isThrownBy(renderer::output);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P", "svg", "pre ", ""})
  void closeTag_elementNotInMarkup_isUnsupported(String element) {
    assertThat(bulwark(List.of(text("a"), close(element)))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"onclick", "style", "HREF", "id", "title "})
  void openTag_attributeNotAllowedOnElement_isUnsupported(String attribute) {
    assertThat(bulwark(List.of(open("a", "href", "https://x.test/", attribute, "1")))).isNull();
  }

  @Test
  void openTag_attributeAllowedOnAnotherElementOnly_isUnsupported() {
    assertThat(bulwark(List.of(open("p", "href", "https://x.test/")))).isNull();
    assertThat(bulwark(List.of(open("img", "href", "https://x.test/")))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"textarea", "title", "style", "script", "xmp", "listing", "plaintext",
      "svg", "math", "iframe", "noscript", "template", "select", "noembed", "comment", "Div",
      "my-element", "h 1", ""})
  void markup_elementItCannotWriteAsOwaspDoes_isRefused(String element) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Renderer.Markup(Map.of(element, Set.of())))
        .withMessageContaining("cannot be rendered");
  }

  @Test
  void markup_namesOver128Characters_areRefused_asOwaspsRendererRefusesThem() {
    String longest = "x".repeat(128);
    new Renderer.Markup(Map.of(longest, Set.of(longest)));
    String tooLong = "x".repeat(129);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Renderer.Markup(Map.of(tooLong, Set.of())));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Renderer.Markup(Map.of("p", Set.of(tooLong))));
    Renderer.Markup markup = new Renderer.Markup(Map.of(longest, Set.of(longest)));
    List<Event> events = List.of(open(longest, longest, "v"), text("t"), close(longest));
    assertThat(bulwark(markup, events)).isEqualTo(owasp(events));
  }

  @ParameterizedTest
  @ValueSource(strings = {"data-x", "xlink:href", "Title", "_x", ""})
  void markup_attributeItCannotWriteAsOwaspDoes_isRefused(String attribute) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Renderer.Markup(Map.of("p", Set.of(attribute))))
        .withMessageContaining("cannot be rendered");
  }

  private static void compare(List<Event> events, List<String> failures) {
    String expected = withoutJoinersBeforeVowelSigns(owasp(events));
    String actual = bulwark(events);
    if (!expected.equals(actual)) {
      failures.add("OWASP " + escape(expected) + ", Bulwark " + escape(actual));
    }
  }

  /**
   * OWASP's output with the documented difference removed: every zero-width non-joiner that
   * directly precedes a vowel sign (possibly through more joiners) is dropped. The identity for
   * OWASP's output wherever it drops them itself, which is wherever there is only one.
   */
  static String withoutJoinersBeforeVowelSigns(String html) {
    StringBuilder out = new StringBuilder(html.length());
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == ZWNJ) {
        int next = i;
        while (next < html.length() && html.charAt(next) == ZWNJ) {
          next++;
        }
        if (next < html.length() && isVowelSign(html.charAt(next))) {
          i = next - 1;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isVowelSign(char c) {
    return VOWEL_SIGNS[c];
  }

  /**
   * The characters before which OWASP's renderer drops a joiner, asked of OWASP itself for
   * every BMP code point (not copied from Bulwark's table, which it checks).
   */
  private static boolean[] owaspVowelSigns() {
    boolean[] signs = new boolean[0x10000];
    for (int c = 0; c <= 0xFFFF; c++) {
      signs[c] = !owasp(List.of(text("a" + ZWNJ + (char) c))).contains(String.valueOf(ZWNJ));
    }
    return signs;
  }

  private static String randomText(SplittableRandom random, String[] pieces) {
    StringBuilder text = new StringBuilder();
    for (int k = random.nextInt(0, 5); k > 0; k--) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
        : String.format("\\u%04X", c)));
    return out.toString();
  }

  /**
   * A policy built with every element and attribute the builder accepts, links and images
   * included: the allow-list is the builder's own, not restated here.
   */
  private static Map<String, Set<String>> allowable() {
    String[] elements = Elements.SAFE.toArray(String[]::new);
    HtmlPolicy.Builder builder = HtmlPolicy.builder().allowElements(elements)
        .allowLinks("https").allowImages("https");
    for (String attribute : Elements.SAFE_ATTRIBUTES) {
      builder.allowAttributes(attribute, elements).allowAttributes(attribute, "a", "img");
    }
    return builder.build().allowed();
  }
}
