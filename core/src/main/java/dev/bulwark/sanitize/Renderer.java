package dev.bulwark.sanitize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlTextEscapingMode;

/**
 * Writes the events that passed a policy as HTML into a {@link RenderBuffer}: Bulwark's
 * serializer for the closed set of elements and attributes its policies can allow.
 *
 * <p>It writes what the OWASP sanitizer's own {@code HtmlStreamRenderer} writes for those
 * events (tests compare the two on every code point, on random event streams and on the
 * sanitizer's corpora), with one difference, and straight into a character array:
 *
 * <ul>
 *   <li>a start tag is {@code <name name="value" ...>}, a void element's {@code <name ... />},
 *       an end tag {@code </name>}; an attribute value containing a backtick gets a space
 *       before its closing quote (for old IE's {@code innerHTML});</li>
 *   <li>in text and attribute values, {@code & < > " ' + = @ `} become character references,
 *       a {@code {} followed by another or last in its text is written {@code {<!-- -->}
 *       in text and <code>{&#92;u200B</code> in a value (no {@code {{} for client-side
 *       template engines), and U+1FEF (which normalises to a backtick) is written
 *       {@code &#8175;}; an astral character and U+FE60 to U+FFFD become hexadecimal
 *       references;</li>
 *   <li>C0 controls other than tab, line feed and carriage return, lone surrogates and the
 *       non-characters U+FFFE and U+FFFF are dropped;</li>
 *   <li>a zero-width non-joiner (U+200C) directly before certain Devanagari, Bengali and
 *       Telugu vowel signs is dropped: that sequence crashed text rendering on some platforms.
 *       The difference: OWASP's renderer drops one such joiner per pass (and, when none of
 *       the current text is still pending, as for a joiner that ended an earlier text or is
 *       followed by a dropped character, only when it writes into a {@code StringBuilder}),
 *       so its output is not a fixed point when several stand together; this renderer drops
 *       them all, which is what OWASP's gives when run until its output stops changing.</li>
 * </ul>
 *
 * <p>Every element and attribute a policy allows is in its {@link Markup}, which is built from
 * the same allow-list, and OWASP's policy stage, which runs after its tag balancer, passes
 * on nothing else. Should an event outside the tables come all the same, the renderer stops
 * writing and reports {@link #unsupported()}, and {@link HtmlPolicy} fails closed. One per
 * sanitize call; not thread-safe.
 */
final class Renderer implements HtmlStreamEventReceiver {

  /** The zero-width non-joiner. */
  private static final char ZWNJ = '\u200C';

  /** The first character above ASCII that is not written as is. */
  private static final char FIRST_SPECIAL = '\u093A';

  /** The last vowel sign before which a {@link #ZWNJ} is dropped. */
  private static final char LAST_VOWEL_SIGN = '\u0C4C';

  /**
   * The characters (inclusive ranges) before which a {@link #ZWNJ} is dropped: Devanagari,
   * Bengali and Telugu vowel signs, with some independent vowels and the Devanagari virama, as
   * OWASP's encoder has them ({@code RendererTest} asks OWASP for every code point).
   */
  private static final char[][] VOWEL_SIGNS = {
      {'\u093A', '\u094F'}, {'\u0985', '\u0994'}, {'\u09BE', '\u09CB'}, {'\u09E0', '\u09E3'},
      {'\u0C05', '\u0C14'}, {'\u0C3E', '\u0C47'}, {'\u0C49', '\u0C4C'}};

  private static final boolean[] IS_VOWEL_SIGN = vowelSigns();

  /** U+1FEF GREEK VARIA, which normalises to a backtick. */
  private static final char VARIA = '\u1FEF';

  /** Written for a {@code {} that could start {@code {{}: in text and in attribute values. */
  private static final char[] TEXT_BRACE = "{<!-- -->".toCharArray();
  private static final char[] VALUE_BRACE = "{\u200B".toCharArray();

  /** Marks {@code {} in {@link #ASCII}: replaced only before another or at the end. */
  private static final char[] BRACE = new char[0];

  /** What each ASCII character is written as: null as is, empty dropped. */
  private static final char[][] ASCII = ascii();

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Markup markup;
  private final RenderBuffer out;
  private boolean unsupported;

  /**
   * A renderer writing into a new buffer.
   *
   * @param markup the policy's elements and attributes
   * @param capacity the buffer's initial capacity
   */
  Renderer(Markup markup, int capacity) {
    this.markup = markup;
    this.out = new RenderBuffer(capacity);
  }

  /**
   * What was written.
   *
   * @throws IllegalStateException once {@link #unsupported()}: part of the stream is missing
   */
  RenderBuffer output() {
    if (unsupported) {
      throw new IllegalStateException("an event was not rendered; the output is incomplete");
    }
    return out;
  }

  /** Whether an event came that this renderer does not write; it wrote nothing after it. */
  boolean unsupported() {
    return unsupported;
  }

  @Override
  public void openDocument() {
    // Nothing to write.
  }

  @Override
  public void closeDocument() {
    // Nothing to write: the policy's tag balancer has closed every open element.
  }

  @Override
  public void openTag(String elementName, List<String> attributes) {
    Tag tag = unsupported ? null : markup.tags.get(elementName);
    if (tag == null) {
      unsupported = true;
      return;
    }
    out.write(tag.open);
    for (Iterator<String> it = attributes.iterator(); it.hasNext(); ) {
      String name = it.next();
      String value = it.next();
      int k = tag.attribute(name);
      if (k < 0) {
        unsupported = true;
        return;
      }
      out.write(tag.attributeStarts[k]);
      encode(value, VALUE_BRACE);
      if (value.indexOf('`') >= 0) {
        out.write(' ');
      }
      out.write('"');
    }
    out.write(tag.end);
  }

  @Override
  public void closeTag(String elementName) {
    Tag tag = unsupported ? null : markup.tags.get(elementName);
    if (tag == null) {
      unsupported = true;
      return;
    }
    out.write(tag.close);
  }

  @Override
  public void text(String text) {
    if (!unsupported) {
      encode(text, TEXT_BRACE);
    }
  }

  /**
   * Writes {@code s} encoded; {@code brace} is written for a {@code {} before another or
   * at the end. Runs of characters written as is are copied in one go.
   */
  private void encode(String s, char[] brace) {
    // Most text needs no change: copy it in one go, then look for the first character that
    // does, and go on from there character by character.
    int n = s.length();
    int start = out.length();
    out.write(s, 0, n);
    char[] written = out.chars();
    int end = start + n;
    int first = start;
    while (first < end) {
      char c = written[first];
      if (c < 0x80 ? ASCII[c] != null : c >= FIRST_SPECIAL) {
        break;
      }
      first++;
    }
    if (first == end) {
      return;
    }
    out.truncate(first);
    int run = first - start; // the first character not yet written
    for (int i = run; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        char[] replacement = ASCII[c];
        if (replacement == null) {
          continue;
        }
        if (replacement == BRACE) {
          if (i + 1 < n && s.charAt(i + 1) != '{') {
            continue;
          }
          replacement = brace;
        }
        out.write(s, run, i);
        out.write(replacement);
        run = i + 1;
      } else if (c >= FIRST_SPECIAL) {
        run = special(s, i, run);
        i = Math.max(i, run - 1); // past a surrogate pair's second half
      }
    }
    out.write(s, run, n);
  }

  /**
   * Handles the non-ASCII character at {@code s[i]}, with {@code s[run, i)} not yet
   * written; returns the new start of what is not yet written.
   */
  private int special(String s, int i, int run) {
    char c = s.charAt(i);
    if (c <= LAST_VOWEL_SIGN) {
      if (!IS_VOWEL_SIGN[c - FIRST_SPECIAL]) {
        return run;
      }
      int keep = i;
      while (keep > run && s.charAt(keep - 1) == ZWNJ) {
        keep--;
      }
      out.write(s, run, keep);
      if (keep == run) {
        out.trimTrailing(ZWNJ); // joiners written before this text (or a dropped character)
      }
      return i; // the vowel sign itself is written with the rest
    }
    if (c == VARIA) {
      out.write(s, run, i);
      out.write("&#8175;", 0, 7);
      return i + 1;
    }
    if (c < Character.MIN_SURROGATE) {
      return run;
    }
    if (c <= Character.MAX_SURROGATE) {
      out.write(s, run, i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        reference(Character.toCodePoint(c, s.charAt(i + 1)));
        return i + 2;
      }
      return i + 1; // a lone surrogate is dropped
    }
    if (c < '\uFE60') {
      return run;
    }
    out.write(s, run, i);
    if ((c & 0xFFFE) != 0xFFFE) {
      reference(c); // U+FFFE and U+FFFF, non-characters, are dropped
    }
    return i + 1;
  }

  /** Writes {@code &#x...;} for a code point of at least U+1000, in lower-case hex. */
  private void reference(int codePoint) {
    out.write("&#x", 0, 3);
    for (int shift = (Integer.SIZE - Integer.numberOfLeadingZeros(codePoint) - 1) & ~3;
        shift >= 0; shift -= 4) {
      out.write(HEX[(codePoint >>> shift) & 0xF]);
    }
    out.write(';');
  }

  private static boolean[] vowelSigns() {
    boolean[] signs = new boolean[LAST_VOWEL_SIGN - FIRST_SPECIAL + 1];
    for (char[] range : VOWEL_SIGNS) {
      for (char c = range[0]; c <= range[1]; c++) {
        signs[c - FIRST_SPECIAL] = true;
      }
    }
    return signs;
  }

  private static char[][] ascii() {
    char[][] table = new char[0x80][];
    for (char c = 0; c < ' '; c++) {
      if (c != '\t' && c != '\n' && c != '\r') {
        table[c] = new char[0];
      }
    }
    table['&'] = "&amp;".toCharArray();
    table['<'] = "&lt;".toCharArray();
    table['>'] = "&gt;".toCharArray();
    for (char c : new char[] {'"', '\'', '+', '=', '@', '`'}) {
      table[c] = ("&#" + (int) c + ";").toCharArray();
    }
    table['{'] = BRACE;
    return table;
  }

  /** How one element is written. */
  private static final class Tag {
    final char[] open;
    final char[] end;
    final char[] close;
    /** {@code  name="} for each allowed attribute. */
    final char[][] attributeStarts;
    private final String[] attributes;

    Tag(String name, boolean isVoid, List<String> attributes) {
      this.open = ("<" + name).toCharArray();
      this.end = (isVoid ? " />" : ">").toCharArray();
      this.close = ("</" + name + ">").toCharArray();
      this.attributes = attributes.toArray(String[]::new);
      this.attributeStarts = new char[attributes.size()][];
      for (int k = 0; k < attributes.size(); k++) {
        attributeStarts[k] = (" " + attributes.get(k) + "=\"").toCharArray();
      }
    }

    /** The index of an allowed attribute in {@link #attributeStarts}, or -1. */
    int attribute(String name) {
      for (int k = 0; k < attributes.length; k++) {
        if (attributes[k].equals(name)) {
          return k;
        }
      }
      return -1;
    }
  }

  /**
   * The elements, each with its attributes, that a policy's renderers write; built once per
   * policy.
   */
  static final class Markup {
    /** Names OWASP's renderer writes as they are (it refuses names over 128 characters). */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,127}");

    private final Map<String, Tag> tags;

    /**
     * Builds the tables for a policy's allow-list.
     *
     * @param allowed element to its attributes
     * @throws IllegalArgumentException for an element or attribute this renderer does not
     *     write: a name outside {@code [a-z][a-z0-9]{0,127}}, an element whose text OWASP's
     *     renderer does not treat as ordinary or void content, or one that switches the HTML
     *     parser (raw text, foreign content, {@code noscript}, {@code template}, ...; these
     *     include the elements OWASP's renderer renames); Bulwark's policies allow none of
     *     them
     */
    Markup(Map<String, Set<String>> allowed) {
      Map<String, Tag> byName = new HashMap<>();
      allowed.forEach((element, attributes) -> {
        HtmlTextEscapingMode mode = HtmlTextEscapingMode.getModeForTag(element);
        if (!NAME.matcher(element).matches() || Elements.PARSER_SWITCHING.contains(element)
            || (mode != HtmlTextEscapingMode.PCDATA && mode != HtmlTextEscapingMode.VOID)) {
          throw new IllegalArgumentException("element \"" + element + "\" cannot be rendered");
        }
        List<String> names = new ArrayList<>(new TreeSet<>(attributes));
        for (String attribute : names) {
          if (!NAME.matcher(attribute).matches()) {
            throw new IllegalArgumentException("attribute \"" + attribute + "\" on \""
                + element + "\" cannot be rendered");
          }
        }
        byName.put(element, new Tag(element, HtmlTextEscapingMode.isVoidElement(element),
            names));
      });
      this.tags = Map.copyOf(byName);
    }
  }
}
