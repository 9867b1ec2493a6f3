package dev.bulwark.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Code-point sweeps: every code point U+0000..U+10FFFF, between two letters, through every
 * context; the output must not contain a character that could end the context, and where a
 * standard decoder exists (jsoup for HTML/XML, Gson for JSON, URLDecoder for URLs) decoding
 * must give the input back for every valid character.
 */
class EncodersTest {

  private static boolean valid(int cp) {
    // Characters every encoder keeps as themselves (no replacement of invalid characters).
    return (cp == '\t' || cp == '\n' || cp >= 0x20) && !(cp >= 0x7f && cp <= 0x9f)
        && !(cp >= 0xd800 && cp <= 0xdfff) && !(cp >= 0xfdd0 && cp <= 0xfdef)
        && (cp & 0xfffe) != 0xfffe;
  }

  private static void sweep(UnaryOperator<String> encoder, String forbidden,
      UnaryOperator<String> decoder) {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String input = "a" + new String(Character.toChars(cp)) + "b";
      String out = encoder.apply(input);
      for (int i = 0; i < out.length(); i++) {
        if (forbidden.indexOf(out.charAt(i)) >= 0) {
          throw new AssertionError("U+" + Integer.toHexString(cp) + " -> " + out);
        }
      }
      if (decoder != null && valid(cp) && !decoder.apply(out).equals(input)) {
        throw new AssertionError("U+" + Integer.toHexString(cp) + " round trip: " + out);
      }
    }
  }

  @Test
  void forHtmlContent_everyCodePoint_noTagStartAndRoundTrips() {
    sweep(Encoders::forHtmlContent, "<>", s -> Parser.unescapeEntities(s, false));
  }

  @Test
  void forHtmlAttribute_everyCodePoint_noQuoteAndRoundTrips() {
    sweep(Encoders::forHtmlAttribute, "\"'<",
        s -> Jsoup.parse("<p title=\"" + s + "\">").selectFirst("p").attr("title"));
  }

  @Test
  void forJavaScriptString_everyCodePoint_noStringOrScriptBreakout() {
    sweep(Encoders::forJavaScriptString, "\"'<>&\r\n\u2028\u2029\u0000", null);
  }

  @Test
  void forJsonStringInHtml_everyCodePoint_validJsonAndNoHtmlBreakout() {
    sweep(Encoders::forJsonStringInHtml, "<>&\r\n\u2028\u2029\u0000",
        s -> JsonParser.parseString("\"" + s + "\"").getAsString());
  }

  @Test
  void forCssString_everyCodePoint_noStringOrStyleBreakout() {
    sweep(Encoders::forCssString, "\"'<>&\r\n\u0000", null);
  }

  @Test
  void forUriComponent_everyCodePoint_onlyUnreservedOrPercentAndRoundTrips() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) {
        continue;
      }
      String input = "a" + new String(Character.toChars(cp)) + "b";
      String out = Encoders.forUriComponent(input);
      assertThat(out.chars().allMatch(c -> c == '%' || c == '-' || c == '.' || c == '_'
          || c == '~' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z'))).as("U+%x", cp).isTrue();
      assertThat(URLDecoder.decode(out, StandardCharsets.UTF_8)).isEqualTo(input);
    }
  }

  @Test
  void forXml_everyCodePoint_noMarkupAndRoundTrips() {
    sweep(Encoders::forXml, "<>\"'",
        s -> Parser.unescapeEntities(s, true));
  }

  @Test
  void forJsonStringInHtml_scriptClose_isEscaped() {
    assertThat(Encoders.forJsonStringInHtml("</script><b>\"x\\"))
        .isEqualTo("\\u003c/script\\u003e\\u003cb\\u003e\\\"x\\\\");
  }

  @Test
  void forJavaScriptString_scriptClose_isEscaped() {
    assertThat(Encoders.forJavaScriptString("</script>")).doesNotContain("<").doesNotContain(">");
  }

  @Test
  void everyContext_nothingToEncode_returnsSameInstance() {
    String plain = new String("plain text 123".toCharArray());
    String word = new String("word".toCharArray());
    assertThat(Encoders.forHtmlContent(plain)).isSameAs(plain);
    assertThat(Encoders.forHtmlAttribute(plain)).isSameAs(plain);
    String letters = new String("abdefg_123".toCharArray());
    assertThat(Encoders.forJavaScriptString(letters)).isSameAs(letters);
    assertThat(Encoders.forJsonStringInHtml(plain)).isSameAs(plain);
    assertThat(Encoders.forCssString(plain)).isSameAs(plain);
    assertThat(Encoders.forXml(plain)).isSameAs(plain);
    assertThat(Encoders.forUriComponent(word)).isSameAs(word);
  }

  @Test
  void everyContext_null_isRejectedNotTurnedIntoText() {
    assertThatNullPointerException().isThrownBy(() -> Encoders.forHtmlContent(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forHtmlAttribute(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forJavaScriptString(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forJsonStringInHtml(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forCssString(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forUriComponent(null));
    assertThatNullPointerException().isThrownBy(() -> Encoders.forXml(null));
  }
}
