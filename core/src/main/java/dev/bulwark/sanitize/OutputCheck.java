package dev.bulwark.sanitize;

import dev.bulwark.http.Ascii;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.owasp.html.HtmlSanitizer;

/**
 * The post-sanitize check: a second, independent look at the sanitizer's output before it is
 * returned. It does not trust the sanitizer's own tree; it checks the serialized text.
 *
 * <ol>
 *   <li>Lexically: every {@code <} in the output must start a tag {@code <name} or
 *       {@code </name} whose name the policy allows. The OWASP renderer writes text
 *       {@code <} as {@code &lt;}, so any other {@code <} (a comment, a doctype, a processing
 *       instruction, a raw-text element's content with {@code </} and a letter) means the
 *       output is not what the policy promised. The single exception is the empty comment
 *       {@code <!-- -->} that the OWASP renderer puts between two braces.</li>
 *   <li>By re-parsing with the OWASP lexer: every element and attribute must be allowed by the
 *       policy, no attribute may start with {@code on}, and {@code href}/{@code src} values,
 *       entity-decoded, must carry an allowed scheme.</li>
 * </ol>
 */
final class OutputCheck {

  /**
   * The one comment the OWASP renderer writes itself: empty, between two braces
   * ({@code {<!-- -->{}), so that {@code {{} never reaches a client-side template engine.
   */
  private static final String EMPTY_COMMENT = "<!-- -->";

  private OutputCheck() {}

  static boolean passes(String html, Map<String, Set<String>> allowed, Set<String> linkSchemes,
      Set<String> imageSchemes) {
    return lexicallyClean(html, allowed) && treeClean(html, allowed, linkSchemes, imageSchemes);
  }

  private static boolean lexicallyClean(String html, Map<String, Set<String>> allowed) {
    int n = html.length();
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (html.startsWith(EMPTY_COMMENT, i)) {
        i += EMPTY_COMMENT.length() - 1;
        continue;
      }
      int start = i + 1;
      if (start < n && html.charAt(start) == '/') {
        start++;
      }
      int end = start;
      while (end < n && isNameChar(html.charAt(end))) {
        end++;
      }
      if (end == start || end == n) {
        return false;
      }
      char after = html.charAt(end);
      if (after != '>' && after != ' ' && after != '/') {
        return false;
      }
      if (!allowed.containsKey(Ascii.toLowerCase(html.substring(start, end)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean treeClean(String html, Map<String, Set<String>> allowed,
      Set<String> linkSchemes, Set<String> imageSchemes) {
    Verdict verdict = new Verdict(allowed, linkSchemes, imageSchemes);
    HtmlSanitizer.sanitize(html, verdict);
    return verdict.clean;
  }

  /** Receives the re-parsed output; records whether anything disallowed appeared. */
  private static final class Verdict implements HtmlSanitizer.Policy {
    private final Map<String, Set<String>> allowed;
    private final Set<String> linkSchemes;
    private final Set<String> imageSchemes;
    boolean clean = true;

    Verdict(Map<String, Set<String>> allowed, Set<String> linkSchemes, Set<String> imageSchemes) {
      this.allowed = allowed;
      this.linkSchemes = linkSchemes;
      this.imageSchemes = imageSchemes;
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
      String element = Ascii.toLowerCase(elementName);
      Set<String> attributes = allowed.get(element);
      if (attributes == null) {
        clean = false;
        return;
      }
      for (int i = 0; i + 1 < attrs.size(); i += 2) {
        String name = Ascii.toLowerCase(attrs.get(i));
        String value = attrs.get(i + 1);
        if (!attributes.contains(name) || name.startsWith("on")) {
          clean = false;
        } else if (name.equals("href") && !Urls.hasAllowedScheme(value, linkSchemes)) {
          clean = false;
        } else if (name.equals("src") && !Urls.hasAllowedScheme(value, imageSchemes)) {
          clean = false;
        }
      }
    }

    @Override
    public void closeTag(String elementName) {
      if (!allowed.containsKey(Ascii.toLowerCase(elementName))) {
        clean = false;
      }
    }

    @Override
    public void text(String textChunk) {
      // Text is inert once the lexical pass has shown that no '<' is left unencoded.
    }

    @Override
    public void openDocument() {
      // nothing to check
    }

    @Override
    public void closeDocument() {
      // nothing to check
    }
  }
}
