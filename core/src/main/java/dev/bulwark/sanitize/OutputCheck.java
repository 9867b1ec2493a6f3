package dev.bulwark.sanitize;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.owasp.html.Encoding;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.TagBalancingHtmlStreamEventReceiver;

/**
 * The post-sanitize check: an independent look at the sanitizer's serialized output before it
 * is returned, in one linear scan. It does not trust the sanitizer's tree; it reads the text.
 *
 * <p><b>Algorithm.</b> The OWASP renderer writes a small, regular subset of HTML: text with
 * every {@code <} written {@code &lt;}, start tags {@code <name attr="value">} (void elements
 * {@code <name />}), end tags {@code </name>}, and one comment, the empty {@code <!-- -->}
 * it puts between two braces. The scan accepts exactly that subset and {@linkplain
 * Verdict#REJECTED rejects} anything else (fail closed):
 *
 * <ol>
 *   <li>every element must be allowed by the policy, and every attribute allowed on its
 *       element, never an {@code on*} handler; {@code href} and {@code src} values,
 *       entity-decoded, must carry an allowed scheme;</li>
 *   <li>the content of a raw-text or escapable-raw-text element ({@code style},
 *       {@code script}, {@code textarea}, ...) may not contain {@code </} followed by a letter
 *       except its own end tag, nor any other {@code <} that starts markup ({@code <!--},
 *       {@code <img}). Bulwark policies can never emit such an
 *       element, so for them any such start tag is simply not allowed; the branch exists so
 *       that the check stays correct for an allow-list that does contain one.</li>
 * </ol>
 *
 * <p><b>Fixed point.</b> In the OWASP sanitizer the tag balancer runs before the policy, so
 * sanitizing an output again re-balances the same elements; the output is a fixed point
 * exactly when the balancer, fed the output's own tag and text events, changes nothing. The
 * scan feeds those events to a fresh {@link TagBalancingHtmlStreamEventReceiver} (with the
 * nesting limit the sanitizer uses) and compares what comes out with what went in; a
 * difference is reported as {@link Verdict#UNSTABLE}, the cheap evidence on which
 * {@link HtmlPolicy} runs a second pass. The policy stage and the renderer are idempotent on
 * their own output; the corpus and random-input tests prove the whole property.
 */
final class OutputCheck {

  /** What the scan found. */
  enum Verdict {
    /** Passes every check and is a fixed point of the tag balancer. */
    CLEAN,
    /** Passes every check, but sanitizing it again would re-balance its tags. */
    UNSTABLE,
    /** Not the output the policy promises: never return it. */
    REJECTED
  }

  /**
   * The one comment the OWASP renderer writes itself: empty, between two braces
   * ({@code {<!-- -->{}), so that {@code {{} never reaches a client-side template engine.
   */
  private static final String EMPTY_COMMENT = "<!-- -->";

  /** The nesting limit {@code org.owasp.html.HtmlSanitizer} gives its tag balancer. */
  private static final int NESTING_LIMIT = 256;

  /** Elements whose content the HTML tokenizer reads as raw text or escapable raw text. */
  private static final Set<String> RAW_TEXT = Set.of(
      "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
      "title");

  /** Text events fed to the balancer, which only asks whether text is whitespace. */
  private static final String SOME_TEXT = "x";
  private static final String WHITESPACE = " ";

  private final NameTable elements;
  private final Map<String, NameTable> attributesByElement;
  private final Set<String> linkSchemes;
  private final Set<String> imageSchemes;

  OutputCheck(Map<String, Set<String>> allowed, Set<String> linkSchemes,
      Set<String> imageSchemes) {
    this.elements = new NameTable(allowed.keySet());
    Map<String, NameTable> attributes = new java.util.HashMap<>();
    allowed.forEach((element, names) -> attributes.put(element, new NameTable(names)));
    this.attributesByElement = Map.copyOf(attributes);
    this.linkSchemes = Set.copyOf(linkSchemes);
    this.imageSchemes = Set.copyOf(imageSchemes);
  }

  Verdict check(String html) {
    Replay replay = new Replay();
    TagBalancingHtmlStreamEventReceiver balancer = new TagBalancingHtmlStreamEventReceiver(replay);
    balancer.setNestingLimit(NESTING_LIMIT);
    balancer.openDocument();
    int n = html.length();
    int textStart = 0;
    int i = html.indexOf('<');
    while (i >= 0) {
      if (html.startsWith(EMPTY_COMMENT, i)) {
        i = html.indexOf('<', i + EMPTY_COMMENT.length());
        continue; // part of the surrounding text
      }
      text(html, textStart, i, replay, balancer);
      int end;
      if (i + 1 < n && html.charAt(i + 1) == '/') {
        int nameEnd = nameEnd(html, i + 2);
        if (nameEnd == i + 2 || nameEnd >= n || html.charAt(nameEnd) != '>') {
          return Verdict.REJECTED;
        }
        String name = elements.find(html, i + 2, nameEnd);
        if (name == null) {
          return Verdict.REJECTED;
        }
        replay.expectNext(Replay.CLOSE, name);
        balancer.closeTag(name);
        replay.settle();
        end = nameEnd + 1;
      } else {
        end = startTag(html, i, replay, balancer);
        if (end < 0) {
          return Verdict.REJECTED;
        }
        String name = replay.lastName();
        if (RAW_TEXT.contains(name)) {
          int close = rawTextEnd(html, end, name);
          if (close < 0) {
            return Verdict.REJECTED;
          }
          text(html, end, close, replay, balancer);
          end = close; // the end tag is read as an ordinary end tag next
        }
      }
      textStart = end;
      i = html.indexOf('<', end);
    }
    text(html, textStart, n, replay, balancer);
    replay.expectNext(Replay.NOTHING, "");
    balancer.closeDocument();
    replay.settle();
    return replay.mismatch ? Verdict.UNSTABLE : Verdict.CLEAN;
  }

  /** Reads {@code <name( attr="value")*( /)?>} at {@code lt}; returns the index after it or -1. */
  private int startTag(String html, int lt, Replay replay,
      TagBalancingHtmlStreamEventReceiver balancer) {
    int n = html.length();
    int p = nameEnd(html, lt + 1);
    if (p == lt + 1 || p >= n) {
      return -1;
    }
    String name = elements.find(html, lt + 1, p);
    NameTable attributes = name == null ? null : attributesByElement.get(name);
    if (name == null || attributes == null) {
      return -1;
    }
    while (p < n && html.charAt(p) == ' ') {
      int a = p + 1;
      if (html.startsWith("/>", a)) {
        p = a + 1;
        break;
      }
      int e = attributeNameEnd(html, a);
      if (e == a || !html.startsWith("=\"", e)) {
        return -1;
      }
      int close = html.indexOf('"', e + 2);
      if (close < 0) {
        return -1;
      }
      String attribute = attributes.find(html, a, e);
      if (attribute == null || attribute.startsWith("on")) {
        return -1;
      }
      if (attribute.equals("href") || attribute.equals("src")) {
        String url = Encoding.decodeHtml(html.substring(e + 2, close), true);
        if (!Urls.hasAllowedScheme(url, attribute.equals("href") ? linkSchemes : imageSchemes)) {
          return -1;
        }
      }
      p = close + 1;
    }
    if (p >= n || html.charAt(p) != '>') {
      return -1;
    }
    replay.expectNext(Replay.OPEN, name);
    balancer.openTag(name, List.of());
    replay.settle();
    return p + 1;
  }

  /**
   * Finds the end tag of raw-text element {@code name} whose content starts at {@code from}.
   * The content may hold no {@code <} followed by a letter, {@code /}, {@code !} or
   * {@code ?} other than the element's own end tag {@code </name>}: that covers the rule
   * "no {@code </} followed by a letter" and {@code <!--}, and also the markup that
   * {@code noscript} content becomes when a parser has scripting disabled (the
   * {@code <noscript><style>} bypass). Returns the index of the end tag's {@code <}, or -1.
   */
  private static int rawTextEnd(String html, int from, String name) {
    int n = html.length();
    for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
      char next = i + 1 < n ? html.charAt(i + 1) : ' ';
      if (isAsciiLetter(next) || next == '!' || next == '?') {
        return -1;
      }
      if (next == '/' && i + 2 < n && isAsciiLetter(html.charAt(i + 2))) {
        boolean ownEnd = html.startsWith(name, i + 2) && html.startsWith(">", i + 2 + name.length());
        return ownEnd ? i : -1;
      }
    }
    return -1;
  }

  private static void text(String html, int from, int to, Replay replay,
      TagBalancingHtmlStreamEventReceiver balancer) {
    if (to > from) {
      // The balancer only asks whether text is inter-element whitespace, so one of two
      // constants stands for the chunk (no copy).
      String text = isWhitespace(html, from, to) ? WHITESPACE : SOME_TEXT;
      replay.expectNext(Replay.TEXT, text);
      balancer.text(text);
      replay.settle();
    }
  }

  /**
   * Tells whether the text {@code html[from, to)} is only HTML whitespace once decoded, as the
   * sanitizer's lexer would see it: a character reference such as {@code &#9;} is decoded.
   */
  private static boolean isWhitespace(String html, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = html.charAt(i);
      if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi < 0 || semi >= to || semi - i > 32) {
          return false;
        }
        String decoded = Encoding.decodeHtml(html.substring(i, semi + 1), false);
        if (!TagBalancingHtmlStreamEventReceiver.isInterElementWhitespace(decoded)) {
          return false;
        }
        i = semi;
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * A fixed set of names looked up by a region of a string, without copying it: open
   * addressing on the region's {@link String#hashCode()}-style hash.
   */
  private static final class NameTable {
    private final String[] slots;
    private final int mask;

    NameTable(Set<String> names) {
      int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
      slots = new String[size];
      mask = size - 1;
      for (String name : names) {
        int i = name.hashCode() & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = name;
      }
    }

    @Nullable String find(String html, int from, int to) {
      int hash = 0;
      for (int i = from; i < to; i++) {
        hash = 31 * hash + html.charAt(i);
      }
      int length = to - from;
      for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
        String name = slots[i];
        if (name.length() == length && html.regionMatches(from, name, 0, length)) {
          return name;
        }
      }
      return null;
    }
  }

  /** End of an element name: lower-case ASCII letters and digits, as the renderer writes. */
  private static int nameEnd(String html, int from) {
    int i = from;
    while (i < html.length() && isLowerAlnum(html.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int attributeNameEnd(String html, int from) {
    int i = from;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (!isLowerAlnum(c) && c != '-' && c != ':' && c != '_') {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Compares, event by event, what the balancer passes on with what was just fed to it: each
   * fed event must come out exactly once, unchanged, and nothing else (the balancer forwards
   * synchronously). Any insertion, removal or change is a mismatch.
   */
  private static final class Replay implements HtmlStreamEventReceiver {
    static final byte OPEN = 0;
    static final byte CLOSE = 1;
    static final byte TEXT = 2;
    static final byte NOTHING = 3;

    private byte kind;
    private String value = "";
    private String lastOpen = "";
    private int received;
    boolean mismatch;

    void expectNext(byte nextKind, String nextValue) {
      kind = nextKind;
      value = nextValue;
      received = 0;
      if (nextKind == OPEN) {
        lastOpen = nextValue;
      }
    }

    void settle() {
      if (received != (kind == NOTHING ? 0 : 1)) {
        mismatch = true;
      }
    }

    String lastName() {
      return lastOpen;
    }

    private void receive(byte receivedKind, String receivedValue) {
      received++;
      if (receivedKind != kind || !value.equals(receivedValue)) {
        mismatch = true;
      }
    }

    @Override
    public void openDocument() {
      // nothing to compare
    }

    @Override
    public void closeDocument() {
      // nothing to compare
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
      receive(OPEN, elementName);
    }

    @Override
    public void closeTag(String elementName) {
      receive(CLOSE, elementName);
    }

    @Override
    public void text(String text) {
      receive(TEXT, text);
    }
  }
}
