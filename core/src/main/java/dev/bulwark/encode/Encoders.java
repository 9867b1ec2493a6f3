package dev.bulwark.encode;

import java.util.Objects;
import org.owasp.encoder.Encode;

/**
 * Encoders named after the output context, delegating to the OWASP Java Encoder.
 *
 * <p><b>Security guarantee:</b> the result of each method, placed in exactly the context the
 * method is named after, is read back by a conforming parser as the original text and cannot
 * end that context (close the element, attribute, string or URL component). Encoding for one
 * context gives no protection in another: a value encoded {@link #forHtmlContent} is not safe
 * in an unquoted attribute, a {@code <script>} block or a URL.
 *
 * <p><b>Nulls</b> are rejected with {@link NullPointerException}; unlike
 * {@code Encode.forHtml(null)}, which returns the four characters {@code "null"}, no method here
 * turns a missing value into text. Handle absence before encoding.
 *
 * <p><b>Zero-copy:</b> when nothing needs encoding, the input instance itself is returned.
 *
 * <p>Invalid code units (unpaired surrogates, most control characters, non-characters) are
 * replaced as the OWASP encoder documents, so the output is always well-formed for its context.
 *
 * <p>Thread-safe and stateless.
 */
public final class Encoders {

  private Encoders() {}

  /**
   * Encodes text for HTML element content, such as {@code <p>HERE</p>}. Also correct inside a
   * quoted attribute, but prefer {@link #forHtmlAttribute} there.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forHtmlContent(String text) {
    return Encode.forHtmlContent(Objects.requireNonNull(text, "text"));
  }

  /**
   * Encodes text for a quoted HTML attribute value, {@code <a title="HERE">} or
   * {@code title='HERE'}. Never use it for an unquoted attribute, for an event handler
   * ({@code onclick}) or for a URL attribute ({@code href}, {@code src}): validate URLs with
   * {@code dev.bulwark.validate} and encode their parts with {@link #forUriComponent}.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forHtmlAttribute(String text) {
    return Encode.forHtmlAttribute(Objects.requireNonNull(text, "text"));
  }

  /**
   * Encodes text for a JavaScript string literal, single- or double-quoted, in a
   * {@code <script>} block, an event-handler attribute or a {@code .js} file:
   * {@code var s = "HERE";}. Quotes, backslash, {@code <}, {@code >}, {@code &}, {@code /},
   * line terminators (including U+2028/U+2029) and control characters are escaped. OWASP
   * Encoder 1.5.0 also escapes space and the letters of {@code script} in this context (as
   * {@code \x}{@code 73} and so on), so text containing them is always copied.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forJavaScriptString(String text) {
    return Encode.forJavaScript(Objects.requireNonNull(text, "text"));
  }

  /**
   * Encodes text for the inside of a JSON string that is embedded in an HTML
   * {@code <script type="application/json">} block: {@code {"name": "HERE"}}. The result is
   * valid JSON string content and contains none of {@code < > &} or raw line terminators
   * (U+2028, U+2029 included), so it cannot close the script element. Inside an HTML attribute,
   * encode the whole JSON document again with {@link #forHtmlAttribute}.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forJsonStringInHtml(String text) {
    return Encode.forJson(Objects.requireNonNull(text, "text"));
  }

  /**
   * Encodes text for a quoted CSS string, {@code content: "HERE"} or
   * {@code url("HERE")} (after validating the URL). Not for unquoted CSS values or property
   * names.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forCssString(String text) {
    return Encode.forCssString(Objects.requireNonNull(text, "text"));
  }

  /**
   * Percent-encodes text (as UTF-8) for one URL component: a path segment, a query parameter
   * name or value, a fragment. Every character except the RFC 3986 unreserved set is encoded,
   * so {@code /}, {@code ?}, {@code &}, {@code #} and {@code =} cannot restructure the URL. Not
   * for a whole URL: that must be validated, not encoded.
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forUriComponent(String text) {
    return Encode.forUriComponent(Objects.requireNonNull(text, "text"));
  }

  /**
   * Encodes text for XML content or a quoted XML attribute value (XML 1.0 characters only;
   * invalid characters are replaced).
   *
   * @param text the text to encode
   * @return the encoded text
   */
  public static String forXml(String text) {
    return Encode.forXml(Objects.requireNonNull(text, "text"));
  }
}
