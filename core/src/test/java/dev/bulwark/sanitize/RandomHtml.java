package dev.bulwark.sanitize;

import java.util.SplittableRandom;

/**
 * Seeded random tag soup for the sanitizer's property tests: allowed and refused elements,
 * stray end tags, attributes, text and entities, in random order and nesting. A failing case
 * is reproduced from the seed the test prints.
 */
final class RandomHtml {

  private static final String[] TAGS = {"p", "b", "i", "em", "strong", "ul", "ol", "li",
      "table", "tr", "td", "th", "tbody", "thead", "caption", "h1", "h3", "pre", "code",
      "blockquote", "a href=\"https://x.test/?a=1&amp;b=2\"", "a href=\"javascript:x\"", "a",
      "img src=\"https://x.test/a.png\" alt=\"a\"", "img src=x onerror=alert(1)", "br", "hr",
      "div", "span", "select", "option", "svg", "math", "mtext", "template", "noscript",
      "style", "script", "textarea", "form", "dl", "dt", "dd", "sub", "font", "xmp", "title",
      "iframe", "u", "s", "mark", "small", "td colspan=2", "th scope=\"col\"", "ol start=3",
      "p id=x", "p title=\"t\" onclick=\"x\""};

  private static final String[] TEXT = {"x", "&lt;y ", " ", "&#9;", "{{", "a < b", "&",
      "</", "<!--", "-->", "\"", "`", "\u2028", "&#x6A;avascript:", "+=@'", "\u0001",
      "\u200C", "&zwnj;", "\u0C3E", "\u093E", "\uD83D\uDE00", "\uD83D", "\uFFFE", "\uFE60",
      "\u1FEF"};

  private RandomHtml() {}

  static String next(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    int parts = random.nextInt(1, 16);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(10);
      String tag = TAGS[random.nextInt(TAGS.length)];
      if (kind < 5) {
        out.append('<').append(tag).append('>');
      } else if (kind < 8) {
        out.append("</").append(tag, 0, tag.indexOf(' ') < 0 ? tag.length() : tag.indexOf(' '))
            .append('>');
      } else {
        out.append(TEXT[random.nextInt(TEXT.length)]);
      }
    }
    return out.toString();
  }
}
