package dev.bulwark.sanitize;

/**
 * Ready-made {@link HtmlPolicy} presets. Each is immutable and thread-safe; each caps input at
 * {@value HtmlPolicy#DEFAULT_MAX_INPUT_LENGTH} characters. Derive a variant with
 * {@link HtmlPolicy#toBuilder()}.
 *
 * <pre>{@code
 * String safe = Sanitizers.RICH_TEXT.sanitize(untrusted);
 * SanitizeResult r = Sanitizers.BASIC.sanitizeWithReport(untrusted);
 * if (r.removedAnything()) log.info("comment markup removed: {}", r.removedElements());
 * }</pre>
 */
public final class Sanitizers {

  /** All markup removed; text kept and encoded, so {@code a < b} stays readable. */
  public static final HtmlPolicy PLAIN_TEXT = HtmlPolicy.builder().build();

  /**
   * Basic formatting: {@code b strong i em u s strike sub sup small mark p br span}. No
   * links, no images, no attributes.
   */
  public static final HtmlPolicy BASIC = HtmlPolicy.builder()
      .allowElements("b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small",
          "mark", "p", "br")
      .build();

  /**
   * Rich text: {@link #BASIC} plus links ({@code https:} and {@code mailto:} only, with
   * {@code rel="nofollow noopener noreferrer ugc"}), {@code https:} images, lists, tables,
   * headings, {@code code}, {@code pre}, {@code blockquote}, {@code hr}, {@code dl}.
   */
  public static final HtmlPolicy RICH_TEXT = BASIC.toBuilder()
      .allowLinks("https", "mailto")
      .allowImages("https")
      .allowElements("ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
          "code", "pre", "blockquote", "hr", "table", "caption", "thead", "tbody", "tfoot", "tr",
          "th", "td")
      .allowAttributes("colspan", "th", "td")
      .allowAttributes("rowspan", "th", "td")
      .allowAttributes("scope", "th")
      .allowAttributes("start", "ol")
      .build();

  private Sanitizers() {}
}
