package dev.bulwark.sanitize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.TagBalancingHtmlStreamEventReceiver;

/**
 * What the OWASP tag balancer does with one event of an already balanced stream, as lookup
 * tables, learned when a policy is built by asking a real {@link
 * TagBalancingHtmlStreamEventReceiver}. {@link OutputCheck} uses it to tell, without running a
 * balancer per call, whether the balancer would pass every event of an output through
 * unchanged (the output is then a fixed point of the sanitizer).
 *
 * <p><b>Why tables are exact.</b> While every event so far has passed through unchanged, the
 * balancer's state is just its stack of open elements, equal to the stack of the output's open
 * elements (nothing has been closed for it, so nothing waits to be resumed). For such a state,
 * the released balancer decides a start tag or a text chunk from: the element on top of the
 * stack (implied parents and "can contain"); if that element is transparent ({@code a},
 * {@code del}, {@code ins}, ...), the elements below it down to the first one that is not;
 * whether an {@code a} is open (for a nested {@code a}); a {@code select} below an element with
 * a special text mode (never: no policy allows {@code select}); and the nesting limit. An end
 * tag passes exactly when it closes the top of the stack. The tables hold the answer for every
 * allowed top element and, for a transparent top, every allowed element below it; the caller
 * tracks open {@code a} elements and the depth, and treats a stack with two transparent
 * elements on top, or deeper than {@link #MAX_DEPTH}, as {@link #UNKNOWN} (it then replays the
 * output through a real balancer). Each table entry comes from a real balancer put into that
 * very state by events it passed through unchanged, so an answer is never guessed. The list of
 * transparent elements is the one place where Bulwark assumes something about the balancer;
 * {@code BalancerModelTest} checks it against the real balancer for every element a policy can
 * allow, and the corpus tests compare this model with the replay.
 *
 * <p>The answers depend only on element names, so one model covering every element a Bulwark
 * policy can allow is learned once per JVM and shared by all policies.
 *
 * <p>Immutable and thread-safe once built.
 */
final class BalancerModel {

  /** The event passes through the balancer unchanged. */
  static final byte PASSES = 0;
  /** The balancer changes, drops or adds events here: the output is not a fixed point. */
  static final byte CHANGES = 1;
  /** The model does not cover this state; ask a real balancer. */
  static final byte UNKNOWN = 2;

  /** The nesting limit {@code org.owasp.html.HtmlSanitizer} gives its tag balancer. */
  static final int NESTING_LIMIT = 256;

  /** Deeper stacks are left to the real balancer (well below {@link #NESTING_LIMIT}). */
  static final int MAX_DEPTH = 200;

  /**
   * Elements through which the balancer looks for a container (HTML's transparent content
   * models); a superset of the balancer's own list is safe, a missing name is not.
   */
  static final Set<String> TRANSPARENT = Set.of(
      "a", "audio", "canvas", "del", "ins", "map", "noscript", "object", "slot", "template",
      "video");

  private final String[] names;
  private final Map<String, Integer> ids;
  private final int columns;
  private final boolean[] pushes;
  private final boolean[] transparent;
  private final int[] transparentIndex;
  /**
   * One row of answers (a byte per column) per state: row 0 is all {@link #UNKNOWN}; then
   * one row per top element (0 for the empty stack); then, for each transparent top element,
   * one row per element below it.
   */
  private final byte[] table;
  private final int anchor;

  /**
   * Builds the tables for the given elements; element {@code i} of {@code elements} gets id
   * {@code i + 1}, and id 0 stands for "no element" (the empty stack).
   */
  BalancerModel(List<String> elements) {
    int n = elements.size();
    names = new String[n + 1];
    names[0] = "";
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < n; i++) {
      names[i + 1] = elements.get(i);
      byName.put(names[i + 1], i + 1);
    }
    ids = Map.copyOf(byName);
    columns = n + 2;
    pushes = new boolean[n + 1];
    transparent = new boolean[n + 1];
    transparentIndex = new int[n + 1];
    List<@Nullable List<String>> chains = new ArrayList<>();
    chains.add(List.of());
    int transparentCount = 0;
    int a = -1;
    for (int id = 1; id <= n; id++) {
      pushes[id] = probePushes(names[id]);
      chains.add(pushes[id] ? chainTo(names[id]) : null);
      transparent[id] = TRANSPARENT.contains(names[id]);
      transparentIndex[id] = transparent[id] ? transparentCount++ : -1;
      if (names[id].equals("a")) {
        a = id;
      }
    }
    anchor = a;
    table = new byte[(1 + (n + 1) + transparentCount * (n + 1)) * columns];
    fill(table, 0, null);
    for (int top = 0; top <= n; top++) {
      fill(table, topRow(top), top == 0 || pushes[top] ? chains.get(top) : null);
    }
    for (int top = 1; top <= n; top++) {
      if (!transparent[top]) {
        continue;
      }
      for (int below = 0; below <= n; below++) {
        List<String> setUp = null;
        List<String> belowChain = chains.get(below);
        if (pushes[top] && belowChain != null && !transparent[below]) {
          setUp = new ArrayList<>(belowChain);
          setUp.add(names[top]);
        }
        fill(table, transparentRow(top, below), setUp);
      }
    }
  }

  /**
   * The model for {@code elements}: the one shared model when they are all elements a
   * {@link HtmlPolicy} can allow (learned once per JVM, on first use), else a new one.
   */
  static BalancerModel forElements(Collection<String> elements) {
    return Standard.ELEMENTS.containsAll(elements) ? Standard.MODEL
        : new BalancerModel(List.copyOf(new TreeSet<>(elements)));
  }

  /** The shared model of every element a Bulwark policy can allow. */
  private static final class Standard {
    static final Set<String> ELEMENTS = allowable();
    static final BalancerModel MODEL = new BalancerModel(List.copyOf(new TreeSet<>(ELEMENTS)));

    private static Set<String> allowable() {
      Set<String> all = new HashSet<>(Elements.SAFE);
      all.add("a");
      all.add("img");
      return Set.copyOf(all);
    }
  }

  /** The id of element {@code name} in this model, or 0 when it has none. */
  int id(String name) {
    Integer id = ids.get(name);
    return id == null ? 0 : id;
  }

  /** The number of element ids (the largest id). */
  int size() {
    return names.length - 1;
  }

  /** The id of {@code a} among the elements, or -1. */
  int anchor() {
    return anchor;
  }

  /** Whether the balancer keeps element {@code id} open after its start tag. */
  boolean pushes(int id) {
    return pushes[id];
  }

  /** The column for a start tag of element {@code id}. */
  static int elementColumn(int id) {
    return id;
  }

  /** The column for a text chunk. */
  int textColumn(boolean whitespace) {
    return whitespace ? 0 : columns - 1;
  }

  /** The row of the empty stack. */
  int emptyRow() {
    return topRow(0);
  }

  /**
   * The row of the state after element {@code id} (which {@linkplain #pushes pushes}) is
   * opened on top of element {@code top} (0 for the empty stack).
   */
  int rowAfterOpen(int id, int top) {
    if (!transparent[id]) {
      return topRow(id); // the balancer looks no further than the top
    }
    return transparent[top] ? 0 : transparentRow(id, top);
  }

  /**
   * What the balancer does with the event in {@code column} in the state of {@code row}, when
   * every earlier event passed unchanged. A start tag of {@code a} inside an open {@code a}
   * is for the caller to refuse.
   */
  byte answer(int row, int column) {
    return table[row + column];
  }

  private int topRow(int top) {
    return (1 + top) * columns;
  }

  private int transparentRow(int top, int below) {
    return (1 + names.length + transparentIndex[top] * names.length + below) * columns;
  }

  /**
   * Fills one row: the balancer's answer for every column after {@code setUp}, or
   * {@link #UNKNOWN} throughout when the set-up itself does not pass unchanged (a state the
   * scan can then never be in). One balancer serves the row: after an event that passed, its
   * state is restored (an element that was pushed is closed again, which pops exactly it);
   * after one that changed something, a fresh balancer is set up.
   */
  private void fill(byte[] table, int offset, @Nullable List<String> setUp) {
    Recorder recorder = new Recorder();
    TagBalancingHtmlStreamEventReceiver balancer =
        setUp == null ? null : setUp(setUp, recorder);
    for (int column = 0; column < columns; column++) {
      if (setUp == null || balancer == null) {
        table[offset + column] = UNKNOWN;
        continue;
      }
      String event = column == 0 ? "# " : column == columns - 1 ? "#x" : "<" + names[column];
      boolean passes = feed(balancer, recorder, event);
      table[offset + column] = passes ? PASSES : CHANGES;
      if (passes && column > 0 && column < columns - 1 && pushes[column]) {
        recorder.clear();
        balancer.closeTag(names[column]);
        passes = recorder.isExactly("/" + names[column]);
      }
      if (!passes) {
        balancer = setUp(setUp, recorder);
      }
    }
  }

  /** A fresh balancer after {@code setUp}, or null if a set-up tag did not pass unchanged. */
  private static @Nullable TagBalancingHtmlStreamEventReceiver setUp(List<String> setUp,
      Recorder recorder) {
    TagBalancingHtmlStreamEventReceiver balancer =
        new TagBalancingHtmlStreamEventReceiver(recorder);
    balancer.setNestingLimit(NESTING_LIMIT);
    balancer.openDocument();
    for (String element : setUp) {
      if (!feed(balancer, recorder, "<" + element)) {
        return null;
      }
    }
    return balancer;
  }

  /** Feeds one event; tells whether exactly that event came out. */
  private static boolean feed(TagBalancingHtmlStreamEventReceiver balancer, Recorder recorder,
      String event) {
    recorder.clear();
    if (event.startsWith("#")) {
      balancer.text(event.substring(1));
    } else {
      balancer.openTag(event.substring(1), new ArrayList<>());
    }
    return recorder.isExactly(event);
  }

  /**
   * Asks a fresh balancer: after the start tags {@code setUp}, each of which must pass
   * unchanged (else {@link #UNKNOWN}), does {@code event} pass unchanged? An event is
   * {@code <name} (a start tag), {@code # } (whitespace) or {@code #x} (other text).
   */
  static byte probe(List<String> setUp, String event) {
    Recorder recorder = new Recorder();
    TagBalancingHtmlStreamEventReceiver balancer = setUp(setUp, recorder);
    if (balancer == null) {
      return UNKNOWN;
    }
    return feed(balancer, recorder, event) ? PASSES : CHANGES;
  }

  /** Whether the balancer keeps {@code element} open: it closes it at the end otherwise not. */
  static boolean probePushes(String element) {
    Recorder recorder = new Recorder();
    TagBalancingHtmlStreamEventReceiver balancer =
        new TagBalancingHtmlStreamEventReceiver(recorder);
    balancer.openDocument();
    balancer.openTag(element, new ArrayList<>());
    recorder.clear();
    balancer.closeDocument();
    return recorder.events.contains("/" + element);
  }

  /** The start tags the balancer emits for {@code element} in an empty document. */
  static List<String> chainTo(String element) {
    Recorder recorder = new Recorder();
    TagBalancingHtmlStreamEventReceiver balancer =
        new TagBalancingHtmlStreamEventReceiver(recorder);
    balancer.openDocument();
    balancer.openTag(element, new ArrayList<>());
    List<String> chain = new ArrayList<>();
    for (String event : recorder.events) {
      if (event.startsWith("<")) {
        chain.add(event.substring(1));
      }
    }
    return chain;
  }

  /**
   * Records events as {@code <name}, {@code /name} and {@code #text}; also what
   * {@link OutputCheck} feeds its replay balancer into.
   */
  static final class Recorder implements HtmlStreamEventReceiver {
    final List<String> events = new ArrayList<>();

    void clear() {
      events.clear();
    }

    /** Whether exactly {@code event}, and nothing else, was recorded since {@link #clear}. */
    boolean isExactly(String event) {
      return events.size() == 1 && events.get(0).equals(event);
    }

    /** Whether nothing was recorded since {@link #clear}. */
    boolean isEmpty() {
      return events.isEmpty();
    }

    @Override
    public void openDocument() {
      // not an event of the stream
    }

    @Override
    public void closeDocument() {
      // not an event of the stream
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
      events.add("<" + elementName);
    }

    @Override
    public void closeTag(String elementName) {
      events.add("/" + elementName);
    }

    @Override
    public void text(String text) {
      events.add("#" + text);
    }
  }
}
