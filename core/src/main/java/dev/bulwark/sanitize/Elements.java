package dev.bulwark.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The elements and attributes a policy may allow, and why the others are refused. An
 * allow-list, not a deny-list: anything not named here (including every future or custom
 * element) is refused.
 */
final class Elements {

  /** Elements that neither run script nor change how the following markup is tokenized. */
  static final Set<String> SAFE = Set.of(
      "abbr", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br",
      "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
      "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hr", "i", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "rp",
      "rt", "ruby", "s", "samp", "section", "small", "span", "strike", "strong", "sub",
      "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u",
      "ul", "var", "wbr");

  /** Elements whose content the HTML parser reads as raw text or in another namespace/mode. */
  static final Set<String> PARSER_SWITCHING = Set.of(
      "script", "style", "noscript", "template", "textarea", "title", "xmp", "plaintext",
      "noembed", "noframes", "iframe", "select", "option", "optgroup", "svg", "math",
      "listing");

  /** Attributes with well-formed-value patterns (bounded, linear to match). */
  private static final Map<String, Pattern> VALUE_PATTERNS = Map.of(
      "colspan", Pattern.compile("[0-9]{1,3}"),
      "rowspan", Pattern.compile("[0-9]{1,3}"),
      "span", Pattern.compile("[0-9]{1,3}"),
      "start", Pattern.compile("-?[0-9]{1,6}"),
      "width", Pattern.compile("[0-9]{1,4}"),
      "height", Pattern.compile("[0-9]{1,4}"),
      "dir", Pattern.compile("(?i)ltr|rtl|auto"),
      "lang", Pattern.compile("[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,4}"),
      "align", Pattern.compile("(?i)left|right|center|justify"),
      "valign", Pattern.compile("(?i)top|middle|bottom|baseline"));

  /** Plain-text attributes (no URL, no script, no CSS). */
  static final Set<String> SAFE_ATTRIBUTES = Set.of(
      "title", "alt", "lang", "dir", "class", "colspan", "rowspan", "span", "start",
      "reversed", "width", "height", "align", "valign", "datetime", "scope", "abbr", "open");

  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "srcset", "action", "formaction", "cite", "background", "poster",
      "longdesc", "data", "codebase", "ping", "usemap", "manifest", "xlink:href", "lowsrc",
      "dynsrc", "icon", "profile", "classid", "archive");

  private Elements() {}

  static @Nullable String elementProblem(String name) {
    if (name.equals("a")) {
      return "allowElements(\"a\"): links need a URL policy; use allowLinks(\"https\")";
    }
    if (name.equals("img")) {
      return "allowElements(\"img\"): images need a URL policy; use allowImages(\"https\")";
    }
    if (PARSER_SWITCHING.contains(name)) {
      return "allowElements(\"" + name + "\"): refused, its content is parsed as raw text or"
          + " in another namespace, which is how known sanitizer bypasses (mXSS,"
          + " <noscript><style>) work; remove it";
    }
    if (!SAFE.contains(name)) {
      return "allowElements(\"" + name + "\"): not on Bulwark's list of elements that cannot"
          + " run script or load content; remove it (see HtmlPolicy javadoc)";
    }
    return null;
  }

  static @Nullable String attributeProblem(String name) {
    if (name.startsWith("on")) {
      return "allowAttributes(\"" + name + "\"): event-handler attributes run script; remove it";
    }
    if (name.equals("style")) {
      return "allowAttributes(\"style\"): inline CSS is refused (UI redressing, legacy"
          + " expression()); use class with your own stylesheet";
    }
    if (name.equals("id") || name.equals("name")) {
      return "allowAttributes(\"" + name + "\"): refused, user-chosen ids and names clobber"
          + " DOM globals (document.x, form.x); use class";
    }
    if (URL_ATTRIBUTES.contains(name)) {
      return "allowAttributes(\"" + name + "\"): URL attributes are only allowed through"
          + " allowLinks(...) and allowImages(...)";
    }
    if (!SAFE_ATTRIBUTES.contains(name)) {
      return "allowAttributes(\"" + name + "\"): not on Bulwark's list of plain-text"
          + " attributes; remove it (see HtmlPolicy javadoc)";
    }
    return null;
  }

  static @Nullable Pattern valuePattern(String attribute) {
    return VALUE_PATTERNS.get(attribute);
  }

  static Map<String, Set<String>> freeze(Map<String, Set<String>> attributes) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    return Map.copyOf(copy);
  }
}
