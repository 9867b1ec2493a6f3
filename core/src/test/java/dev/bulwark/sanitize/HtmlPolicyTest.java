package dev.bulwark.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HtmlPolicyTest {

  @Test
  void plainText_markup_isRemovedAndTextEncoded() {
    assertThat(Sanitizers.PLAIN_TEXT.sanitize("<b>a < b</b> & <i>c</i>"))
        .isEqualTo("a &lt; b &amp; c");
  }

  @Test
  void basic_formatting_isKept() {
    assertThat(Sanitizers.BASIC.sanitize("<p><b>bold</b> <em>em</em></p>"))
        .isEqualTo("<p><b>bold</b> <em>em</em></p>");
  }

  @Test
  void basic_link_isRemovedAndReported() {
    SanitizeResult r = Sanitizers.BASIC.sanitizeWithReport("<a href=\"https://x.test\">x</a>");
    assertThat(r.html()).isEqualTo("x");
    assertThat(r.removedElements()).containsExactly("a");
    assertThat(r.removedAnything()).isTrue();
  }

  @Test
  void richText_httpsLink_getsRelValues() {
    String out = Sanitizers.RICH_TEXT.sanitize("<a href=\"https://x.test/p\">x</a>");
    org.jsoup.nodes.Element a = org.jsoup.Jsoup.parseBodyFragment(out).selectFirst("a");
    assertThat(a).isNotNull();
    assertThat(a.attr("href")).isEqualTo("https://x.test/p");
    assertThat(a.attr("rel").split(" "))
        .containsExactlyInAnyOrder("nofollow", "noopener", "noreferrer", "ugc");
  }

  @Test
  void richText_mailtoLink_isKept() {
    assertThat(Sanitizers.RICH_TEXT.sanitize("<a href=\"mailto:a@x.test\">m</a>"))
        .contains("href=\"mailto:a&#64;x.test\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
      "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "jav&#x09;ascript:alert(1)",
      "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "http://x.test/",
      "//evil.test/", "/relative", " javascript:alert(1)"})
  void richText_linkWithRefusedUrl_losesLink(String url) {
    SanitizeResult r = Sanitizers.RICH_TEXT.sanitizeWithReport("<a href=\"" + url + "\">x</a>");
    assertThat(r.html()).doesNotContain("href").doesNotContain("<a");
    assertThat(XssChecker.problems(r.html())).isEmpty();
  }

  @Test
  void richText_httpsImage_isKept_dataImage_isDropped() {
    assertThat(Sanitizers.RICH_TEXT.sanitize("<img src=\"https://x.test/a.png\" alt=\"a\">"))
        .isEqualTo("<img src=\"https://x.test/a.png\" alt=\"a\" />");
    assertThat(Sanitizers.RICH_TEXT.sanitize("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">"))
        .isEmpty();
  }

  @Test
  void richText_domClobberingIdAndName_areRemoved() {
    SanitizeResult r = Sanitizers.RICH_TEXT.sanitizeWithReport(
        "<p id=\"cookie\">x</p><a name=\"getElementById\" href=\"https://x.test\">y</a>");
    assertThat(r.html()).doesNotContain("id=").doesNotContain("name=");
    assertThat(r.removedAttributes()).contains("p@id", "a@name");
  }

  @Test
  void richText_noscriptStyleBypass_yieldsNoScript() {
    String out = Sanitizers.RICH_TEXT.sanitize(
        "<noscript><style></noscript><img src=x onerror=alert(1)>");
    assertThat(XssChecker.problems(out)).isEmpty();
    assertThat(out).doesNotContain("onerror=");
  }

  @Test
  void richText_namespaceConfusion_svgAndMath_areRemoved() {
    String out = Sanitizers.RICH_TEXT.sanitize(
        "<svg><p><style><img src=x onerror=alert(1)></style></p></svg><math><mtext><table>"
            + "<mglyph><style><img src=x onerror=alert(2)>");
    assertThat(XssChecker.problems(out)).isEmpty();
    assertThat(out).doesNotContain("<svg").doesNotContain("<math").doesNotContain("onerror=");
  }

  @Test
  void richText_selectTemplateNesting_isRemoved() {
    String out = Sanitizers.RICH_TEXT.sanitize(
        "<select><template><style></template><img src=x onerror=alert(1)></select>");
    assertThat(XssChecker.problems(out)).isEmpty();
  }

  @Test
  void richText_tableAndHeadings_areKept() {
    String in = "<h2>T</h2><table><tr><th scope=\"col\" colspan=\"2\">a</th></tr></table>";
    assertThat(Sanitizers.RICH_TEXT.sanitize(in)).contains("<h2>T</h2>").contains("colspan=\"2\"");
  }

  @Test
  void richText_nonNumericColspan_isRemoved() {
    assertThat(Sanitizers.RICH_TEXT.sanitize("<table><tr><td colspan=\"x\">a</td></tr></table>"))
        .doesNotContain("colspan");
  }

  @Test
  void sanitize_inputOverCap_throwsInputTooLarge() {
    HtmlPolicy small = HtmlPolicy.builder().maxInputLength(10).build();
    assertThatThrownBy(() -> small.sanitize("x".repeat(11)))
        .isInstanceOf(InputTooLargeException.class)
        .hasMessageContaining("11").hasMessageContaining("10").hasMessageContaining("maxInputLength");
    assertThat(small.sanitize("x".repeat(10))).isEqualTo("x".repeat(10));
  }

  @Test
  void sanitize_doubleBrace_keepsOwaspSeparatorCommentAndPassesPostCheck() {
    // Found by SanitizerFuzzTest: the OWASP renderer writes {<!-- -->{ to break template
    // expressions, and the post-sanitize check refused that comment (failing closed to "").
    SanitizeResult r = Sanitizers.BASIC.sanitizeWithReport("{{constructor}}");
    assertThat(r.postCheckFailed()).isFalse();
    assertThat(r.html()).isEqualTo("{<!-- -->{constructor}}");
  }

  @Test
  void sanitize_joinerBeforeVowelSignMeetingOnceATagIsRemoved_isDroppedAsInOnePass() {
    // OWASP drops a zero-width non-joiner before these Telugu, Devanagari and Bengali vowel
    // signs (the sequence crashed text rendering on some platforms), but when the two meet only
    // after a tag or comment between them is removed, it does so only when rendering into a
    // StringBuilder. Bulwark rendered into its own buffer and kept the joiner: the output
    // differed from OWASP's and was not a fixed point.
    for (HtmlPolicy policy : java.util.List.of(Sanitizers.PLAIN_TEXT, Sanitizers.BASIC,
        Sanitizers.RICH_TEXT)) {
      for (String input : java.util.List.of("x\u200C<foo></foo>\u0C3E",
          "x\u200C<!-- c -->\u093E", "x\u200C<script>y</script>\u0985")) {
        String out = policy.sanitize(input);
        assertThat(out).isEqualTo(policy.singlePass(input)).hasSize(2).doesNotContain("\u200C");
        assertThat(policy.sanitize(out)).isEqualTo(out);
      }
    }
  }

  @Test
  void sanitize_runOfJoinersBeforeVowelSign_allDropped_soTheOutputIsAFixedPoint() {
    String input = "<p>a\u200C&zwnj;\u200C\u0C3E</p>";
    // One OWASP pass drops one joiner, the next another: not a fixed point.
    assertThat(Sanitizers.RICH_TEXT.singlePass(input)).isEqualTo("<p>a\u200C\u200C\u0C3E</p>");
    String out = Sanitizers.RICH_TEXT.sanitize(input);
    assertThat(out).isEqualTo("<p>a\u0C3E</p>");
    assertThat(Sanitizers.RICH_TEXT.sanitize(out)).isEqualTo(out);
    // A run longer than any fixed number of OWASP passes (OWASP needs 21 here).
    String longRun = "&zwnj;".repeat(21) + "&#x0c3e;";
    assertThat(Sanitizers.BASIC.sanitize(longRun)).isEqualTo("\u0C3E")
        .isEqualTo(SanitizerPropertyTest.untilStable(Sanitizers.BASIC, longRun));
  }

  @Test
  void sanitize_eventOutsideTheRenderersTables_failsClosed() throws ReflectiveOperationException {
    // The tables hold everything a policy allows and OWASP's policy stage passes on nothing
    // else, so this needs a bug; it is simulated by taking <b> out of the renderer's tables.
    HtmlPolicy policy = Sanitizers.BASIC.toBuilder().build();
    java.util.Map<String, java.util.Set<String>> withoutB =
        new java.util.HashMap<>(policy.allowed());
    withoutB.remove("b");
    java.lang.reflect.Field markup = HtmlPolicy.class.getDeclaredField("markup");
    markup.setAccessible(true);
    markup.set(policy, new Renderer.Markup(withoutB));
    SanitizeResult r = policy.sanitizeWithReport("<p>a</p><b>x</b>");
    assertThat(r.html()).isEmpty();
    assertThat(r.postCheckFailed()).isTrue();
    assertThat(policy.sanitize("<i>a</i><b>x</b>")).isEmpty();
    assertThat(policy.sanitize("<p>x</p>")).isEqualTo("<p>x</p>");
  }

  @ParameterizedTest
  @ValueSource(ints = {199, 200, 201, 255, 256, 257, 300, 5_000})
  void sanitize_nestingAtOrBeyondOwaspsLimit_isAFixedPoint_notFailedClosed(int depth) {
    // Beyond the balancer model's 200 levels the fixed-point question is settled by a second
    // pass. It used to be put to a bare tag balancer, which at OWASP's limit of 256 drops an
    // end tag that OWASP's policy stage then writes at the end: every output 256 deep was
    // called unstable four times over and failed closed.
    for (String input : java.util.List.of("<b>".repeat(depth) + "x",
        "<b>".repeat(depth - 1) + "<i>x", "<ul>".repeat(depth) + "<li>x")) {
      SanitizeResult r = Sanitizers.RICH_TEXT.sanitizeWithReport(input);
      assertThat(r.postCheckFailed()).as("failed closed at depth %d", depth).isFalse();
      assertThat(r.html()).isNotEmpty()
          .isEqualTo(SanitizerPropertyTest.untilStable(Sanitizers.RICH_TEXT, input));
      assertThat(Sanitizers.RICH_TEXT.sanitize(r.html())).isEqualTo(r.html());
    }
  }

  @Test
  void postCheck_commentWithContent_fails() {
    assertThat(passes("{<!-- x -->{", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isFalse();
    assertThat(passes("{<!-- -->{", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isTrue();
  }

  private static boolean passes(String html, java.util.Map<String, java.util.Set<String>> allowed,
      java.util.Set<String> links, java.util.Set<String> images) {
    return new OutputCheck(allowed, links, images).check(html) != OutputCheck.Verdict.REJECTED;
  }

  @Test
  void sanitize_null_isRejected() {
    assertThatNullPointerException().isThrownBy(() -> Sanitizers.BASIC.sanitize(null));
  }

  @Test
  void sanitize_cleanInput_reportsNothingRemoved() {
    SanitizeResult r = Sanitizers.BASIC.sanitizeWithReport("<b>fine</b> a &lt; b");
    assertThat(r.removedAnything()).isFalse();
    assertThat(r.postCheckFailed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"script", "style", "noscript", "template", "textarea", "select",
      "svg", "math", "iframe", "xmp", "title", "option"})
  void builder_parserSwitchingElement_isRefused(String element) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements(element).build())
        .withMessageContaining("allowElements(\"" + element + "\")")
        .withMessageContaining("raw text");
  }

  @Test
  void builder_noscriptWithStyleText_isRefusedAtBuild() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements("noscript", "style", "p").build())
        .withMessageContaining("noscript").withMessageContaining("style");
  }

  @ParameterizedTest
  @ValueSource(strings = {"object", "embed", "form", "input", "button", "base", "meta", "link",
      "my-element", "image"})
  void builder_unknownOrActiveElement_isRefused(String element) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements(element).build())
        .withMessageContaining("not on Bulwark's list");
  }

  @Test
  void builder_linkOrImageAsPlainElement_pointsToDedicatedMethod() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements("a").build())
        .withMessageContaining("allowLinks");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements("img").build())
        .withMessageContaining("allowImages");
  }

  @ParameterizedTest
  @ValueSource(strings = {"onclick", "ONERROR", "style", "id", "name", "href", "src", "srcset",
      "formaction", "xlink:href", "srcdoc", "is"})
  void builder_dangerousAttribute_isRefused(String attribute) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements("p")
            .allowAttributes(attribute, "p").build())
        .withMessageContaining("allowAttributes(");
  }

  @Test
  void builder_attributeOnElementNotAllowed_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowAttributes("title", "p").build())
        .withMessageContaining("allowElements(\"p\") first");
  }

  @Test
  void builder_attributeWithoutElements_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowAttributes("title").build())
        .withMessageContaining("names no element");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript", "data", "vbscript", "file", "ftp"})
  void builder_dangerousLinkScheme_isRefused(String scheme) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowLinks(scheme).build())
        .withMessageContaining("scheme refused");
  }

  @Test
  void builder_mailtoImages_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowImages("mailto").build())
        .withMessageContaining("allowImages(\"mailto\")");
  }

  @Test
  void builder_noScheme_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowLinks().build())
        .withMessageContaining("names no URL scheme");
  }

  @Test
  void builder_nonPositiveCap_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().maxInputLength(0).build())
        .withMessageContaining("maxInputLength");
  }

  @Test
  void builder_everyProblem_isReportedAtOnce() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HtmlPolicy.builder().allowElements("script").allowLinks("javascript")
            .maxInputLength(-1).build())
        .withMessageContaining("script").withMessageContaining("javascript")
        .withMessageContaining("maxInputLength");
  }

  @Test
  void toBuilder_preset_rebuildsEqualAllowList() {
    assertThat(Sanitizers.RICH_TEXT.toBuilder().build().allowed())
        .isEqualTo(Sanitizers.RICH_TEXT.allowed());
  }

  @Test
  void toBuilder_extraAttributeOnLink_isKept() {
    HtmlPolicy withTitle = HtmlPolicy.builder().allowLinks("https")
        .allowAttributes("title", "a").build();
    assertThat(withTitle.toBuilder().build().allowed()).isEqualTo(withTitle.allowed());
    assertThat(withTitle.allowed().get("a")).contains("title", "href", "rel");
  }

  @Test
  void postCheck_outputWithDisallowedTag_fails() {
    assertThat(passes("<p>x</p>", Sanitizers.BASIC.allowed(), java.util.Set.of(),
        java.util.Set.of())).isTrue();
    assertThat(passes("<style>x</style>", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isFalse();
    assertThat(passes("<!-- x -->", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isFalse();
    assertThat(passes("<p onclick=\"x\">y</p>", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isFalse();
    assertThat(passes("<a href=\"&#106;avascript:x\">y</a>",
        Sanitizers.RICH_TEXT.allowed(), java.util.Set.of("https"), java.util.Set.of()))
        .isFalse();
    assertThat(passes("<p", Sanitizers.BASIC.allowed(),
        java.util.Set.of(), java.util.Set.of())).isFalse();
  }
}
