package dev.bulwark.sanitize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.owasp.html.Encoding;
import org.owasp.html.TagBalancingHtmlStreamEventReceiver;

/**
 * The post-sanitize check: an independent look at the sanitizer's serialized output before it
 * is returned, in one linear scan. It does not trust the sanitizer's tree; it reads the text.
 *
 * <p><b>Algorithm.</b> The renderer ({@link Renderer}, which writes what OWASP's renderer
 * writes) produces a small, regular subset of HTML: text with every {@code <} written
 * {@code &lt;}, start tags {@code <name attr="value">} (void elements {@code <name />}), end
 * tags {@code </name>}, and one comment, the empty {@code <!-- -->} it puts between two
 * braces. The scan accepts exactly that subset and {@linkplain
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
 * <p>The scan reads the character array the renderer wrote into (see {@link RenderBuffer}),
 * packs each element and attribute name into a {@code long} as it reads it and looks that up
 * in tables made when the policy was built, and checks a URL's scheme in place. It copies
 * characters only to decode an entity: one that stands before a URL's colon, or one in text
 * whose whitespace the balancer model asks about.
 *
 * <p><b>Fixed point.</b> In the OWASP sanitizer the tag balancer runs before the policy, so
 * sanitizing an output again re-balances the same elements; below OWASP's nesting limit the
 * output is a fixed point exactly when the balancer, fed the output's own tag and text events
 * (the events the scan reads from the text), changes nothing. The scan answers that question
 * from a {@link BalancerModel}, tables learned from the real balancer when the policy was
 * built, as it goes. A change is reported as {@link Verdict#UNSTABLE}, the cheap evidence on
 * which {@link HtmlPolicy} runs a second pass. In the rare state the tables do not cover (two
 * transparent elements on top of the stack, nesting deeper than 200, an element the balancer
 * does not know) {@link #checkByModel} answers null and {@link HtmlPolicy} sanitizes the
 * output once more and compares. {@link #checkWithBalancer} instead feeds the same events to
 * a real {@link TagBalancingHtmlStreamEventReceiver}: the tests' reference for the model. The
 * policy stage and the renderer are idempotent on their own output; the corpus and
 * random-input tests prove the whole property and compare the model with the real balancer.
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
   * The one comment the renderer writes itself: empty, between two braces
   * ({@code {<!-- -->{}), so that {@code {{} never reaches a client-side template engine.
   */
  private static final String EMPTY_COMMENT = "<!-- -->";

  /** Elements whose content the HTML tokenizer reads as raw text or escapable raw text. */
  private static final Set<String> RAW_TEXT = Set.of(
      "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
      "title");

  /** Scan result meaning "the balancer model cannot tell; replay through a real balancer". */
  private static final int ASK_BALANCER = -2;
  private static final int REJECT = -1;

  /**
   * The longest name a packed key holds: {@value} characters of 6 bits each. No element
   * or attribute a policy can allow is longer ({@code blockquote} and {@code figcaption} are
   * the longest); a longer name in an output is simply not allowed.
   */
  static final int MAX_NAME_LENGTH = 10;

  /**
   * The 6-bit code of each ASCII character that may appear in an element name as the renderer
   * writes it (lower-case letters 1-26, digits 27-36), 0 for every other character.
   */
  private static final byte[] ELEMENT_CODES = codes("");

  /** As {@link #ELEMENT_CODES}, plus {@code - : _} (37-39) for attribute names. */
  private static final byte[] ATTRIBUTE_CODES = codes("-:_");

  private static final long HREF = pack("href", ATTRIBUTE_CODES);
  private static final long SRC = pack("src", ATTRIBUTE_CODES);

  /** Element names by id (id 0 is no element). */
  private final String[] names;
  private final NameTable elements;
  private final NameTable[] attributesById;
  private final boolean[] rawText;
  private final String[] linkSchemes;
  private final String[] imageSchemes;
  private final BalancerModel model;

  OutputCheck(Map<String, Set<String>> allowed, Set<String> linkSchemes,
      Set<String> imageSchemes) {
    this.model = BalancerModel.forElements(allowed.keySet());
    if (model.size() > Byte.MAX_VALUE) { // ids are kept in a byte; policies allow far fewer
      throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " elements");
    }
    int size = model.size() + 1;
    names = new String[size];
    Arrays.fill(names, "");
    attributesById = new NameTable[size];
    Arrays.fill(attributesById, new NameTable(List.of(), List.of(), ATTRIBUTE_CODES));
    rawText = new boolean[size];
    List<String> elementNames = new ArrayList<>();
    List<Integer> elementIds = new ArrayList<>();
    for (String name : new TreeSet<>(allowed.keySet())) {
      int id = model.id(name);
      names[id] = name;
      rawText[id] = RAW_TEXT.contains(name);
      elementNames.add(name);
      elementIds.add(id);
      List<String> attributes = new ArrayList<>();
      List<Integer> attributeIds = new ArrayList<>();
      for (String attribute : new TreeSet<>(allowed.get(name))) {
        if (!attribute.startsWith("on")) { // never allowed, whatever the map says
          attributes.add(attribute);
          attributeIds.add(attributes.size());
        }
      }
      attributesById[id] = new NameTable(attributes, attributeIds, ATTRIBUTE_CODES);
    }
    this.elements = new NameTable(elementNames, elementIds, ELEMENT_CODES);
    this.linkSchemes = linkSchemes.toArray(String[]::new);
    this.imageSchemes = imageSchemes.toArray(String[]::new);
  }

  Verdict check(String html) {
    return check(html.toCharArray(), html.length());
  }

  /**
   * The verdict on the text {@code html[0, length)}, the fixed-point question answered by the
   * model or, where it cannot tell, by {@linkplain #checkWithBalancer a real balancer}; the
   * array is only read. For tests and arbitrary text: {@link HtmlPolicy} settles the cases the
   * model cannot tell by a real second pass instead (see {@code HtmlPolicy.decide}).
   */
  Verdict check(char[] html, int length) {
    Verdict verdict = checkByModel(html, length);
    return verdict != null ? verdict : checkWithBalancer(html, length);
  }

  /** The model's verdict alone, or null where it would ask a real balancer. */
  @Nullable Verdict checkByModel(String html) {
    return checkByModel(html.toCharArray(), html.length());
  }

  /**
   * The verdict on {@code html[0, length)} with the fixed-point question answered by the
   * model, or null when the text passed every check but the model cannot tell whether it is a
   * fixed point. This is how {@link HtmlPolicy} checks what the renderer wrote into its
   * buffer, before any {@code String} is made of it.
   */
  @Nullable Verdict checkByModel(char[] html, int length) {
    ModelTracker tracker = new ModelTracker(model);
    int end = scan(html, length, tracker);
    return end == ASK_BALANCER ? null : end == REJECT ? Verdict.REJECTED
        : tracker.changed ? Verdict.UNSTABLE : Verdict.CLEAN;
  }

  /**
   * The same check, with the fixed-point question put to a real tag balancer instead of the
   * model; the reference for the model in tests. Not exact at OWASP's nesting limit of 256,
   * where the balancer drops an end tag that the policy stage writes at the end of the
   * document; {@link HtmlPolicy} does not rely on it.
   */
  Verdict checkWithBalancer(String html) {
    return checkWithBalancer(html.toCharArray(), html.length());
  }

  private Verdict checkWithBalancer(char[] html, int length) {
    BalancerTracker tracker = new BalancerTracker(names);
    int end = scan(html, length, tracker);
    return end == REJECT ? Verdict.REJECTED
        : tracker.mismatch ? Verdict.UNSTABLE : Verdict.CLEAN;
  }

  /**
   * Reads {@code html[0, n)} once, checking it and feeding its events to {@code tracker};
   * returns {@code n} on success, {@link #REJECT}, or {@link #ASK_BALANCER} when the tracker
   * cannot tell (after the whole text has passed the checks).
   */
  private int scan(char[] html, int n, Tracker tracker) {
    int textStart = 0;
    int i = indexOf(html, n, '<', 0);
    while (i >= 0) {
      if (i + 1 < n && html[i + 1] == '!') {
        if (!startsWith(html, n, i, EMPTY_COMMENT)) {
          return REJECT;
        }
        i = indexOf(html, n, '<', i + EMPTY_COMMENT.length());
        continue; // part of the surrounding text
      }
      text(html, textStart, i, tracker);
      int end;
      if (i + 1 < n && html[i + 1] == '/') {
        long name = readName(html, n, i + 2, ELEMENT_CODES);
        int nameEnd = i + 2 + length(name);
        if (name <= 0 || nameEnd >= n || html[nameEnd] != '>') {
          return REJECT;
        }
        int expected = tracker.openElement(); // usually the end tag closes the top element
        int id = elements.is(expected, name) ? expected : elements.find(name);
        if (id == 0) {
          return REJECT;
        }
        tracker.close(id);
        end = nameEnd + 1;
      } else {
        long name = readName(html, n, i + 1, ELEMENT_CODES);
        int id = name <= 0 ? 0 : elements.find(name);
        int nameEnd = i + 1 + length(name);
        if (id == 0) {
          return REJECT;
        }
        if (nameEnd < n && html[nameEnd] == '>') {
          end = nameEnd + 1; // no attributes, the usual case
        } else {
          end = attributes(html, n, nameEnd, attributesById[id]);
          if (end < 0) {
            return REJECT;
          }
        }
        tracker.open(id);
        if (rawText[id]) {
          int close = rawTextEnd(html, n, end, names[id]);
          if (close < 0) {
            return REJECT;
          }
          text(html, end, close, tracker);
          end = close; // the end tag is read as an ordinary end tag next
        }
      }
      textStart = end;
      i = indexOf(html, n, '<', end);
    }
    text(html, textStart, n, tracker);
    tracker.end();
    return tracker.unknown ? ASK_BALANCER : n;
  }

  /**
   * Reads {@code( attr="value")*( /)?>} from {@code p}, each attribute in {@code attributes};
   * returns the index after the {@code >}, or {@link #REJECT}.
   */
  private int attributes(char[] html, int n, int from, NameTable attributes) {
    int p = from;
    while (p < n && html[p] == ' ') {
      int a = p + 1;
      if (a + 1 < n && html[a] == '/' && html[a + 1] == '>') {
        p = a + 1;
        break;
      }
      long attributeName = readName(html, n, a, ATTRIBUTE_CODES);
      int e = a + length(attributeName);
      if (attributeName <= 0 || e + 1 >= n || html[e] != '=' || html[e + 1] != '"') {
        return REJECT;
      }
      int close = indexOf(html, n, '"', e + 2);
      if (close < 0 || attributes.find(attributeName) == 0) {
        return REJECT;
      }
      if (attributeName == HREF || attributeName == SRC) {
        boolean link = attributeName == HREF;
        if (!hasAllowedScheme(html, e + 2, close, link ? linkSchemes : imageSchemes)) {
          return REJECT;
        }
      }
      p = close + 1;
    }
    return p < n && html[p] == '>' ? p + 1 : REJECT;
  }

  /**
   * Tells whether the attribute value {@code html[from, to)}, entity-decoded, is an absolute
   * URL with one of {@code schemes}. In place when no {@code &} comes before the first
   * {@code :} (an entity there could hide or be the colon); otherwise the value is decoded
   * and checked as a string.
   */
  private static boolean hasAllowedScheme(char[] html, int from, int to, String[] schemes) {
    int colon = -1;
    for (int i = from; i < to; i++) {
      char c = html[i];
      if (c == ':') {
        colon = i;
        break;
      }
      if (c == '&') {
        String url = Encoding.decodeHtml(new String(html, from, to - from), true);
        return Urls.hasAllowedScheme(url, schemes);
      }
    }
    if (colon <= from) {
      return false;
    }
    for (int i = from; i < colon; i++) {
      if (!Urls.isSchemeChar(html[i], i == from)) {
        return false;
      }
    }
    for (String scheme : schemes) {
      if (scheme.length() == colon - from && equalsAsciiLowerCase(html, from, scheme)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code html[from, ...)}, ASCII-lower-cased, starts with the lower-case word. */
  private static boolean equalsAsciiLowerCase(char[] html, int from, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      char c = html[from + k];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finds the end tag of raw-text element {@code name} whose content starts at {@code from}.
   * The content may hold no {@code <} followed by a letter, {@code /}, {@code !} or
   * {@code ?} other than the element's own end tag {@code </name>}: that covers the rule
   * "no {@code </} followed by a letter" and {@code <!--}, and also the markup that
   * {@code noscript} content becomes when a parser has scripting disabled (the
   * {@code <noscript><style>} bypass). Returns the index of the end tag's {@code <}, or -1.
   */
  private static int rawTextEnd(char[] html, int n, int from, String name) {
    for (int i = indexOf(html, n, '<', from); i >= 0; i = indexOf(html, n, '<', i + 1)) {
      char next = i + 1 < n ? html[i + 1] : ' ';
      if (isAsciiLetter(next) || next == '!' || next == '?') {
        return -1;
      }
      if (next == '/' && i + 2 < n && isAsciiLetter(html[i + 2])) {
        int after = i + 2 + name.length();
        boolean ownEnd = startsWith(html, n, i + 2, name) && after < n && html[after] == '>';
        return ownEnd ? i : -1;
      }
    }
    return -1;
  }

  private static void text(char[] html, int from, int to, Tracker tracker) {
    if (to > from) {
      tracker.text(isWhitespace(html, from, to));
    }
  }

  /**
   * Tells whether the text {@code html[from, to)} is only HTML whitespace once decoded, as the
   * sanitizer's lexer would see it: a character reference such as {@code &#9;} is decoded.
   */
  private static boolean isWhitespace(char[] html, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = html[i];
      if (c == '&') {
        if (isMarkupEntity(html, to, i + 1)) {
          return false; // &lt; &gt; &amp; &quot;, which the renderer writes, are not spaces
        }
        int semi = indexOf(html, to, ';', i);
        if (semi < 0 || semi - i > 32) {
          return false;
        }
        String decoded = Encoding.decodeHtml(new String(html, i, semi + 1 - i), false);
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

  private static boolean isMarkupEntity(char[] html, int n, int from) {
    if (from + 2 >= n) {
      return false;
    }
    char a = html[from];
    char b = html[from + 1];
    char c = html[from + 2];
    return ((a == 'l' || a == 'g') && b == 't' && c == ';')
        || (a == 'a' && b == 'm' && c == 'p' && from + 3 < n && html[from + 3] == ';')
        || (a == 'q' && b == 'u' && c == 'o' && startsWith(html, n, from + 3, "t;"));
  }

  private static int indexOf(char[] html, int n, char c, int from) {
    for (int i = from; i < n; i++) {
      if (html[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(char[] html, int n, int from, String prefix) {
    if (from + prefix.length() > n) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (html[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A fixed set of names, each with an id from 1 (0 means "not found"), looked up by the
   * name's {@linkplain #readName packed key} in an open-addressing table at most a quarter
   * full: usually one probe and one {@code long} comparison, with no name copied or compared
   * character by character.
   */
  private static final class NameTable {
    private final long[] keys;
    private final int[] ids;
    private final long[] keysById;
    private final int mask;

    /** Names with their ids (each at least 1), in the same order; {@code codes} packs them. */
    NameTable(List<String> names, List<Integer> nameIds, byte[] codes) {
      int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
      keys = new long[size];
      ids = new int[size];
      int largest = 0;
      for (int id : nameIds) {
        largest = Math.max(largest, id);
      }
      keysById = new long[largest + 1];
      mask = size - 1;
      for (int k = 0; k < names.size(); k++) {
        long key = pack(names.get(k), codes);
        int id = nameIds.get(k);
        keysById[id] = key;
        int i = slot(key);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = id;
      }
    }

    /** The id of the name whose packed key is {@code key}, or 0. */
    int find(long key) {
      for (int i = slot(key); keys[i] != 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return ids[i];
        }
      }
      return 0;
    }

    /** Whether {@code key} is the packed key of the name with {@code id}. */
    boolean is(int id, long key) {
      return id < keysById.length && keysById[id] == key;
    }

    private int slot(long key) {
      return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
  }

  private static byte[] codes(String extra) {
    byte[] codes = new byte[128];
    byte code = 1;
    for (char c = 'a'; c <= 'z'; c++) {
      codes[c] = code++;
    }
    for (char c = '0'; c <= '9'; c++) {
      codes[c] = code++;
    }
    for (int k = 0; k < extra.length(); k++) {
      codes[extra.charAt(k)] = code++;
    }
    return codes;
  }

  /**
   * The packed key of a name: its characters' codes, 6 bits each, first character highest.
   * Codes are never 0, so different names of at most {@link #MAX_NAME_LENGTH} characters have
   * different keys, and a key's bit length gives the name's length.
   *
   * @throws IllegalArgumentException for a name the scan could never read
   */
  private static long pack(String name, byte[] codes) {
    long key = readName(name.toCharArray(), name.length(), 0, codes);
    if (key <= 0 || length(key) != name.length()) {
      throw new IllegalArgumentException("\"" + name + "\" cannot be checked: names are 1 to "
          + MAX_NAME_LENGTH + " characters of [a-z0-9] (attributes also - : _)");
    }
    return key;
  }

  /** The packed key of an attribute name ({@code true}) or element name; for tests. */
  static long pack(String name, boolean attribute) {
    return pack(name, attribute ? ATTRIBUTE_CODES : ELEMENT_CODES);
  }

  /**
   * Reads a name from {@code from}: characters with a code in {@code codes}, as the renderer
   * writes names. Returns its packed key (0 for an empty name), or -1 when it is longer than
   * {@link #MAX_NAME_LENGTH}.
   */
  private static long readName(char[] html, int n, int from, byte[] codes) {
    long key = 0;
    for (int i = from; i < n; i++) {
      char c = html[i];
      int code = c < 128 ? codes[c] : 0;
      if (code == 0) {
        break;
      }
      if (i - from == MAX_NAME_LENGTH) {
        return -1;
      }
      key = key << 6 | code;
    }
    return key;
  }

  /** The length of the name with packed key {@code key} (at least 0). */
  private static int length(long key) {
    return (Long.SIZE - Long.numberOfLeadingZeros(key) + 5) / 6;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Receives the events the scan reads and tells whether the balancer would change any. */
  private abstract static class Tracker {
    /** Whether some event would change (then the output is not a fixed point). */
    boolean changed;
    /** Whether the tracker could not tell for some event. */
    boolean unknown;

    abstract void open(int id);

    /** The element on top of the stack, or 0 when the tracker does not know or keep it. */
    int openElement() {
      return 0;
    }

    abstract void close(int id);

    abstract void text(boolean whitespace);

    abstract void end();
  }

  /**
   * Answers from the {@link BalancerModel}, keeping the balancer's stack: each entry holds the
   * element's id (low 8 bits) and the model's row for the state with it on top.
   */
  private static final class ModelTracker extends Tracker {
    private final BalancerModel model;
    private final int anchor;
    private int[] stack = new int[16];
    private int depth;
    private int row;
    private int openAnchors;

    ModelTracker(BalancerModel model) {
      this.model = model;
      this.anchor = model.anchor();
      this.row = model.emptyRow();
    }

    private boolean settled() {
      return changed || unknown;
    }

    private void decide(int column) {
      byte answer = model.answer(row, column);
      if (answer == BalancerModel.CHANGES) {
        changed = true;
      } else if (answer == BalancerModel.UNKNOWN) {
        unknown = true;
      }
    }

    @Override
    void open(int id) {
      if (settled()) {
        return;
      }
      decide(BalancerModel.elementColumn(id));
      if (id == anchor && openAnchors > 0) {
        changed = true; // the balancer closes the open link first
      }
      if (settled() || !model.pushes(id)) {
        return;
      }
      if (depth == BalancerModel.MAX_DEPTH) {
        unknown = true;
        return;
      }
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, Math.min(2 * depth, BalancerModel.MAX_DEPTH));
      }
      row = model.rowAfterOpen(id, depth == 0 ? 0 : stack[depth - 1] & 0xff);
      stack[depth++] = row << 8 | id;
      openAnchors += id == anchor ? 1 : 0;
    }

    @Override
    int openElement() {
      return depth == 0 ? 0 : stack[depth - 1] & 0xff;
    }

    @Override
    void close(int id) {
      if (settled()) {
        return;
      }
      if (depth > 0 && (stack[depth - 1] & 0xff) == id) {
        depth--;
        row = depth == 0 ? model.emptyRow() : stack[depth - 1] >>> 8;
        openAnchors -= id == anchor ? 1 : 0;
      } else if (model.pushes(id)) {
        changed = true; // an end tag for an element not on top: closes more, or nothing
      } else {
        unknown = true; // an end tag the balancer passes on without a stack entry
      }
    }

    @Override
    void text(boolean whitespace) {
      if (!settled()) {
        decide(model.textColumn(whitespace));
      }
    }

    @Override
    void end() {
      if (!settled() && depth != 0) {
        changed = true; // the balancer closes what is still open
      }
    }
  }

  /**
   * Feeds the events to a real tag balancer and compares, event by event, what it passes on
   * with what was just fed to it: each fed event must come out exactly once, unchanged, and
   * nothing else (the balancer forwards synchronously). Any insertion, removal or change is a
   * mismatch.
   */
  private static final class BalancerTracker extends Tracker {
    /** Text events fed to the balancer, which only asks whether text is whitespace. */
    private static final String SOME_TEXT = "x";
    private static final String WHITESPACE = " ";

    private final String[] names;
    private final BalancerModel.Recorder recorder = new BalancerModel.Recorder();
    private final TagBalancingHtmlStreamEventReceiver balancer =
        new TagBalancingHtmlStreamEventReceiver(recorder);
    boolean mismatch;

    BalancerTracker(String[] names) {
      this.names = names;
      balancer.setNestingLimit(BalancerModel.NESTING_LIMIT);
      balancer.openDocument();
    }

    @Override
    void open(int id) {
      recorder.clear();
      balancer.openTag(names[id], List.of());
      mismatch |= !recorder.isExactly("<" + names[id]);
    }

    @Override
    void close(int id) {
      recorder.clear();
      balancer.closeTag(names[id]);
      mismatch |= !recorder.isExactly("/" + names[id]);
    }

    @Override
    void text(boolean whitespace) {
      // One of two constants stands for the chunk (no copy).
      String text = whitespace ? WHITESPACE : SOME_TEXT;
      recorder.clear();
      balancer.text(text);
      mismatch |= !recorder.isExactly("#" + text);
    }

    @Override
    void end() {
      recorder.clear();
      balancer.closeDocument();
      mismatch |= !recorder.isEmpty();
    }
  }
}
