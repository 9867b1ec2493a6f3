package dev.bulwark.sanitize;

import dev.bulwark.http.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An independent check, with a browser-conformant HTML5 parser (jsoup), that nothing in a
 * sanitized output can run script. Returns the list of problems (empty when safe).
 */
final class XssChecker {

  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
      "script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript",
      "xmp", "plaintext", "noembed", "noframes", "textarea", "title", "select", "base", "meta",
      "link", "frame", "frameset", "form", "input", "button", "applet", "param", "audio",
      "video", "source", "portal", "image");

  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "action", "formaction", "xlink:href", "srcset", "background", "poster",
      "data", "cite", "codebase", "longdesc", "lowsrc", "dynsrc", "ping");

  private XssChecker() {}

  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    Document document = Jsoup.parseBodyFragment(html);
    for (Element element : document.body().getAllElements()) {
      String tag = Ascii.toLowerCase(element.normalName());
      if (FORBIDDEN_ELEMENTS.contains(tag)) {
        problems.add("element <" + tag + ">");
        if (element.html().matches("(?s).*</[A-Za-z].*")) {
          problems.add("raw-text element <" + tag + "> holds </ + letter");
        }
      }
      for (Attribute attribute : element.attributes()) {
        String name = Ascii.toLowerCase(attribute.getKey());
        if (name.startsWith("on")) {
          problems.add("event handler " + name + " on <" + tag + ">");
        }
        if (name.equals("style") || name.equals("id") || name.equals("name")
            || name.equals("srcdoc") || name.equals("is")) {
          problems.add("attribute " + name + " on <" + tag + ">");
        }
        if (URL_ATTRIBUTES.contains(name)) {
          String url = squeeze(attribute.getValue());
          if (url.startsWith("javascript:") || url.startsWith("vbscript:")
              || url.startsWith("data:")) {
            problems.add("script URL in " + name + " on <" + tag + ">");
          }
        }
      }
    }
    return problems;
  }

  /** Decoded value without the whitespace and controls browsers ignore in a scheme. */
  private static String squeeze(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        out.append(c);
      }
    }
    return Ascii.toLowerCase(out.toString());
  }

  /** The tree a browser would build, serialized canonically, for round-trip comparison. */
  static String tree(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    return document.body().html();
  }
}
