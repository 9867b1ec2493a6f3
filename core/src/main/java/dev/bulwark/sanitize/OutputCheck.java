package dev.bulwark.sanitize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * <p>The scan reads the text through a character array it indexes directly, looks names up
 * by id in tables made when the policy was built, and checks a URL's scheme in place; it
 * copies nothing unless an entity stands before a URL's colon.
 *
 * <p><b>Fixed point.</b> In the OWASP sanitizer the tag balancer runs before the policy, so
 * sanitizing an output again re-balances the same elements; the output is a fixed point
 * exactly when the balancer, fed the output's own tag and text events (the events the scan
 * reads from the text), changes nothing. The scan answers that question from a
 * {@link BalancerModel}, tables learned from the real balancer when the policy was built, as
 * it goes; in the rare state the tables do not cover (two transparent elements on top of the
 * stack, very deep nesting, an element the balancer does not know) it reads the text again
 * and feeds the same events to a real {@link TagBalancingHtmlStreamEventReceiver}. A change
 * is reported as {@link Verdict#UNSTABLE}, the cheap evidence on which {@link HtmlPolicy}
 * runs a second pass. The policy stage and the renderer are idempotent on their own output;
 * the corpus and random-input tests prove the whole property and compare the model with the
 * real balancer.
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

  /** Elements whose content the HTML tokenizer reads as raw text or escapable raw text. */
  private static final Set<String> RAW_TEXT = Set.of(
      "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
      "title");

  /** Scan result meaning "the balancer model cannot tell; replay through a real balancer". */
  private static final int ASK_BALANCER = -2;
  private static final int REJECT = -1;

  /** Element names by id (id 0 is no element). */
  private final String[] names;
  private final NameTable elements;
  private final NameTable[] attributesById;
  private final boolean[] rawText;
  private final String[] linkSchemes;
  private final String[] imageSchemes;
  private final Set<String> linkSchemeSet;
  private final Set<String> imageSchemeSet;
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
    Arrays.fill(attributesById, new NameTable(List.of(), List.of()));
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
      attributesById[id] = new NameTable(attributes, attributeIds);
    }
    this.elements = new NameTable(elementNames, elementIds);
    this.linkSchemes = linkSchemes.toArray(String[]::new);
    this.imageSchemes = imageSchemes.toArray(String[]::new);
    this.linkSchemeSet = Set.copyOf(linkSchemes);
    this.imageSchemeSet = Set.copyOf(imageSchemes);
  }

  Verdict check(String html) {
    Verdict verdict = checkByModel(html);
    return verdict != null ? verdict : checkWithBalancer(html);
  }

  /** The model's verdict alone, or null where it would ask a real balancer. */
  @Nullable Verdict checkByModel(String html) {
    ModelTracker tracker = new ModelTracker(model);
    int end = scan(html, tracker);
    return end == ASK_BALANCER ? null : end == REJECT ? Verdict.REJECTED
        : tracker.changed ? Verdict.UNSTABLE : Verdict.CLEAN;
  }

  /**
   * The same check, with the fixed-point question put to a real tag balancer instead of the
   * model; the fallback for states the model does not cover, and the reference in tests.
   */
  Verdict checkWithBalancer(String html) {
    BalancerTracker tracker = new BalancerTracker(names);
    int end = scan(html, tracker);
    return end == REJECT ? Verdict.REJECTED
        : tracker.replay.mismatch ? Verdict.UNSTABLE : Verdict.CLEAN;
  }

  /**
   * Reads {@code html} once, checking it and feeding its events to {@code tracker}; returns
   * the length on success, {@link #REJECT}, or {@link #ASK_BALANCER} when the tracker cannot
   * tell (after the whole text has passed the checks).
   */
  private int scan(String source, Tracker tracker) {
    char[] html = source.toCharArray();
    int n = html.length;
    int textStart = 0;
    int i = indexOf(html, '<', 0);
    while (i >= 0) {
      if (i + 1 < n && html[i + 1] == '!') {
        if (!startsWith(html, i, EMPTY_COMMENT)) {
          return REJECT;
        }
        i = indexOf(html, '<', i + EMPTY_COMMENT.length());
        continue; // part of the surrounding text
      }
      text(html, textStart, i, tracker);
      int end;
      if (i + 1 < n && html[i + 1] == '/') {
        long name = readName(html, i + 2, false);
        int nameEnd = end(name);
        if (nameEnd == i + 2 || nameEnd >= n || html[nameEnd] != '>') {
          return REJECT;
        }
        int expected = tracker.openElement(); // usually the end tag closes the top element
        int id = expected != 0 && elements.is(expected, html, i + 2, nameEnd) ? expected
            : elements.find(html, i + 2, nameEnd, hash(name));
        if (id == 0) {
          return REJECT;
        }
        tracker.close(id);
        end = nameEnd + 1;
      } else {
        long name = readName(html, i + 1, false);
        int nameEnd = end(name);
        int id = nameEnd == i + 1 ? 0 : elements.find(html, i + 1, nameEnd, hash(name));
        end = id == 0 ? REJECT : attributes(html, nameEnd, attributesById[id]);
        if (end < 0) {
          return REJECT;
        }
        tracker.open(id);
        if (rawText[id]) {
          int close = rawTextEnd(html, end, names[id]);
          if (close < 0) {
            return REJECT;
          }
          text(html, end, close, tracker);
          end = close; // the end tag is read as an ordinary end tag next
        }
      }
      textStart = end;
      i = indexOf(html, '<', end);
    }
    text(html, textStart, n, tracker);
    tracker.end();
    return tracker.unknown ? ASK_BALANCER : n;
  }

  /**
   * Reads {@code( attr="value")*( /)?>} from {@code p}, each attribute in {@code attributes};
   * returns the index after the {@code >}, or {@link #REJECT}.
   */
  private int attributes(char[] html, int from, NameTable attributes) {
    int n = html.length;
    int p = from;
    while (p < n && html[p] == ' ') {
      int a = p + 1;
      if (a + 1 < n && html[a] == '/' && html[a + 1] == '>') {
        p = a + 1;
        break;
      }
      long attributeName = readName(html, a, true);
      int e = end(attributeName);
      if (e == a || e + 1 >= n || html[e] != '=' || html[e + 1] != '"') {
        return REJECT;
      }
      int close = indexOf(html, '"', e + 2);
      if (close < 0) {
        return REJECT;
      }
      int attribute = attributes.find(html, a, e, hash(attributeName));
      if (attribute == 0) {
        return REJECT;
      }
      String name = attributes.name(attribute);
      if (name.equals("href") || name.equals("src")) {
        boolean link = name.equals("href");
        if (!hasAllowedScheme(html, e + 2, close, link ? linkSchemes : imageSchemes,
            link ? linkSchemeSet : imageSchemeSet)) {
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
  private static boolean hasAllowedScheme(char[] html, int from, int to, String[] schemes,
      Set<String> schemeSet) {
    int colon = -1;
    for (int i = from; i < to; i++) {
      char c = html[i];
      if (c == ':') {
        colon = i;
        break;
      }
      if (c == '&') {
        String url = Encoding.decodeHtml(new String(html, from, to - from), true);
        return Urls.hasAllowedScheme(url, schemeSet);
      }
    }
    if (colon <= from) {
      return false;
    }
    for (int i = from; i < colon; i++) {
      char c = html[i];
      boolean ok = isAsciiLetter(c)
          || (i > from && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
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
  private static int rawTextEnd(char[] html, int from, String name) {
    int n = html.length;
    for (int i = indexOf(html, '<', from); i >= 0; i = indexOf(html, '<', i + 1)) {
      char next = i + 1 < n ? html[i + 1] : ' ';
      if (isAsciiLetter(next) || next == '!' || next == '?') {
        return -1;
      }
      if (next == '/' && i + 2 < n && isAsciiLetter(html[i + 2])) {
        int after = i + 2 + name.length();
        boolean ownEnd = startsWith(html, i + 2, name) && after < n && html[after] == '>';
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
        if (isMarkupEntity(html, i + 1)) {
          return false; // &lt; &gt; &amp; &quot;, which the renderer writes, are not spaces
        }
        int semi = indexOf(html, ';', i);
        if (semi < 0 || semi >= to || semi - i > 32) {
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

  private static boolean isMarkupEntity(char[] html, int from) {
    if (from + 2 >= html.length) {
      return false;
    }
    char a = html[from];
    char b = html[from + 1];
    char c = html[from + 2];
    return ((a == 'l' || a == 'g') && b == 't' && c == ';')
        || (a == 'a' && b == 'm' && c == 'p' && from + 3 < html.length && html[from + 3] == ';')
        || (a == 'q' && b == 'u' && c == 'o' && startsWith(html, from + 3, "t;"));
  }

  private static int indexOf(char[] html, char c, int from) {
    for (int i = from; i < html.length; i++) {
      if (html[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(char[] html, int from, String prefix) {
    if (from + prefix.length() > html.length) {
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
   * A fixed set of names, each with an id from 1 (0 means "not found"), looked up by a region
   * of a character array without copying it: open addressing on the region's
   * {@link String#hashCode()}-style hash, which the caller computes while finding the region's
   * end.
   */
  private static final class NameTable {
    private final char[][] slots;
    private final int[] ids;
    private final String[] byId;
    private final char[][] charsById;
    private final int mask;

    /** Names with their ids (each at least 1), in the same order. */
    NameTable(List<String> names, List<Integer> nameIds) {
      int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
      slots = new char[size][];
      ids = new int[size];
      int largest = 0;
      for (int id : nameIds) {
        largest = Math.max(largest, id);
      }
      byId = new String[largest + 1];
      Arrays.fill(byId, "");
      charsById = new char[largest + 1][];
      Arrays.fill(charsById, new char[0]);
      mask = size - 1;
      for (int k = 0; k < names.size(); k++) {
        String name = names.get(k);
        int id = nameIds.get(k);
        byId[id] = name;
        charsById[id] = name.toCharArray();
        int i = name.hashCode() & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = name.toCharArray();
        ids[i] = id;
      }
    }

    /** The id of the name {@code html[from, to)} whose hash is {@code hash}, or 0. */
    int find(char[] html, int from, int to, int hash) {
      int length = to - from;
      for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
        char[] name = slots[i];
        if (name.length == length && sameChars(name, html, from)) {
          return ids[i];
        }
      }
      return 0;
    }

    String name(int id) {
      return byId[id];
    }

    /** Whether {@code html[from, to)} is the name with {@code id}. */
    boolean is(int id, char[] html, int from, int to) {
      if (id >= charsById.length) {
        return false;
      }
      char[] name = charsById[id];
      return name.length == to - from && sameChars(name, html, from);
    }

    /** A plain loop: names are a few characters, too short for a vectorized compare. */
    private static boolean sameChars(char[] name, char[] html, int from) {
      for (int k = 0; k < name.length; k++) {
        if (name[k] != html[from + k]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Reads a name from {@code from}: lower-case ASCII letters and digits (and, in an attribute
   * name, {@code - : _}), as the renderer writes them. Returns the end index in the low 32
   * bits and the name's {@link String#hashCode()} in the high 32 bits.
   */
  private static long readName(char[] html, int from, boolean attribute) {
    int i = from;
    int hash = 0;
    while (i < html.length) {
      char c = html[i];
      if (!isLowerAlnum(c) && !(attribute && (c == '-' || c == ':' || c == '_'))) {
        break;
      }
      hash = 31 * hash + c;
      i++;
    }
    return ((long) hash << 32) | i;
  }

  private static int end(long name) {
    return (int) name;
  }

  private static int hash(long name) {
    return (int) (name >>> 32);
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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

  /** Feeds the events to a real tag balancer and compares what comes out. */
  private static final class BalancerTracker extends Tracker {
    /** Text events fed to the balancer, which only asks whether text is whitespace. */
    private static final String SOME_TEXT = "x";
    private static final String WHITESPACE = " ";

    private final String[] names;
    final Replay replay = new Replay();
    private final TagBalancingHtmlStreamEventReceiver balancer =
        new TagBalancingHtmlStreamEventReceiver(replay);

    BalancerTracker(String[] names) {
      this.names = names;
      balancer.setNestingLimit(BalancerModel.NESTING_LIMIT);
      balancer.openDocument();
    }

    @Override
    void open(int id) {
      replay.expectNext(Replay.OPEN, names[id]);
      balancer.openTag(names[id], List.of());
      replay.settle();
    }

    @Override
    void close(int id) {
      replay.expectNext(Replay.CLOSE, names[id]);
      balancer.closeTag(names[id]);
      replay.settle();
    }

    @Override
    void text(boolean whitespace) {
      // One of two constants stands for the chunk (no copy).
      String text = whitespace ? WHITESPACE : SOME_TEXT;
      replay.expectNext(Replay.TEXT, text);
      balancer.text(text);
      replay.settle();
    }

    @Override
    void end() {
      replay.expectNext(Replay.NOTHING, "");
      balancer.closeDocument();
      replay.settle();
    }
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
    private int received;
    boolean mismatch;

    void expectNext(byte nextKind, String nextValue) {
      kind = nextKind;
      value = nextValue;
      received = 0;
    }

    void settle() {
      if (received != (kind == NOTHING ? 0 : 1)) {
        mismatch = true;
      }
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
