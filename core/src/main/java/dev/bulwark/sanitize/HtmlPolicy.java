package dev.bulwark.sanitize;

import dev.bulwark.http.Ascii;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * An immutable HTML sanitizing policy: which elements, attributes and URL schemes survive.
 * Built on the OWASP Java HTML Sanitizer's {@code HtmlPolicyBuilder}; deny by default. OWASP's
 * lexer, tag balancer and policy decide what survives; Bulwark writes it out itself, in exactly
 * the form OWASP's renderer writes (tests compare the two), except that every zero-width
 * non-joiner directly before a Devanagari, Bengali or Telugu vowel sign is dropped, where
 * OWASP drops one per pass.
 *
 * <p><b>Security guarantees.</b> The builder only accepts elements and attributes from a fixed
 * list that cannot run script or change how the rest of the document parses: raw-text and
 * parser-switching elements ({@code script}, {@code style}, {@code noscript}, {@code template},
 * {@code textarea}, {@code select}, {@code svg}, {@code math}, {@code iframe}, {@code object},
 * {@code embed}, forms, ...), event handlers, {@code style}, and the DOM-clobbering attributes
 * {@code id} and {@code name} are refused in {@link Builder#build()} with a message naming the
 * fix. This is what closes the OWASP sanitizer's known {@code <noscript><style>} bypass: a
 * Bulwark policy can never allow text inside {@code <style>}. URLs are only allowed in
 * {@code a href} and {@code img src}, with an explicit scheme from {@code https}, {@code http}
 * and (links only) {@code mailto}; relative and scheme-less URLs are dropped.
 *
 * <p>Every output is re-checked before it is returned (see {@link SanitizeResult#postCheckFailed()}),
 * in one linear scan of the serialized text: it must be in the renderer's regular form, each
 * {@code <} must open or close an element the policy allows, every attribute must be allowed
 * on its element and {@code href}/{@code src} values, entity-decoded, must carry an allowed
 * scheme; raw-text element content may not hold {@code </} followed by a letter. An output
 * that fails is replaced by the empty string. The same scan tells whether the output is a
 * fixed point of the sanitizer ({@code sanitize(sanitize(x)).equals(sanitize(x))}), from
 * tables of the OWASP tag balancer's behaviour learned when the policy is built; only when it
 * is not is a second pass run.
 *
 * <p>Defaults: no elements, no attributes, {@value #DEFAULT_MAX_INPUT_LENGTH} characters of
 * input at most. Thread-safe: instances are immutable and may be shared.
 */
public final class HtmlPolicy {

  /** The default {@link Builder#maxInputLength(int)}, in UTF-16 code units. */
  public static final int DEFAULT_MAX_INPUT_LENGTH = 100_000;

  /** The {@code rel} values added to every allowed link. */
  public static final List<String> LINK_RELS = List.of("nofollow", "noopener", "noreferrer", "ugc");

  private static final int MAX_PASSES = 4;

  /**
   * Trims attribute values. The renderer (Bulwark's, as OWASP's) appends a space to a value
   * containing a backtick (an old IE quirk); without trimming, every re-sanitize would add
   * another.
   */
  private static final AttributePolicy TRIM = (element, attribute, value) -> value.strip();

  private final PolicyFactory factory;
  private final Map<String, Set<String>> attributesByElement;
  private final Set<String> linkProtocols;
  private final Set<String> imageProtocols;
  private final int maxInputLength;
  private final OutputCheck outputCheck;
  private final Renderer.Markup markup;

  private HtmlPolicy(Builder b) {
    this.attributesByElement = Elements.freeze(b.attributes);
    this.linkProtocols = Set.copyOf(b.linkProtocols);
    this.imageProtocols = Set.copyOf(b.imageProtocols);
    this.maxInputLength = b.maxInputLength;
    this.factory = toFactory();
    this.outputCheck = new OutputCheck(attributesByElement, linkProtocols, imageProtocols);
    this.markup = new Renderer.Markup(attributesByElement);
  }

  /**
   * Starts a policy that allows nothing; text is kept and encoded.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sanitizes {@code html} and returns markup that is safe as HTML element content.
   *
   * @param html untrusted HTML
   * @return the sanitized HTML (never null)
   * @throws InputTooLargeException if {@code html} is longer than the policy's maximum
   */
  public String sanitize(String html) {
    String out = run(html, null); // no change listener: the OWASP pass does less work
    return out == null ? "" : out;
  }

  /**
   * Sanitizes {@code html} and reports what was removed.
   *
   * @param html untrusted HTML
   * @return the sanitized HTML and the removed elements and attributes
   * @throws InputTooLargeException if {@code html} is longer than the policy's maximum
   */
  public SanitizeResult sanitizeWithReport(String html) {
    Removed removed = new Removed();
    String out = run(html, removed);
    return new SanitizeResult(out == null ? "" : out, removed.elements, removed.attributes,
        out == null);
  }

  /** Sanitizes and checks; returns null when the output fails the post-sanitize check. */
  private @Nullable String run(String html, @Nullable Removed removed) {
    Objects.requireNonNull(html, "html");
    if (html.length() > maxInputLength) {
      throw new InputTooLargeException(html.length(), maxInputLength);
    }
    // One OWASP pass, then one linear scan (OutputCheck) of the characters it rendered, which
    // both checks the output and tells whether it is a fixed point. The OWASP tag balancer
    // alone does not guarantee that (an orphan <li> gains a <ul> on the next pass, a <table>
    // inside <p> moves out), so only when the scan finds the balancer would change the output
    // is it sanitized again, until it is stable: what is stored is what a later sanitize of it
    // would give.
    RenderBuffer out = pass(html, removed);
    for (int pass = 1; out != null; pass++) {
      OutputCheck.Verdict verdict = outputCheck.checkByModel(out.chars(), out.length());
      RenderBuffer next = null;
      if (verdict == null) {
        next = pass(out.toString(), removed);
        verdict = decide(out, next);
      }
      if (verdict == OutputCheck.Verdict.CLEAN) {
        return out.toString();
      }
      if (verdict == OutputCheck.Verdict.REJECTED || pass == MAX_PASSES) {
        return null;
      }
      out = next != null ? next : pass(out.toString(), removed);
    }
    return null;
  }

  /**
   * The fixed-point verdict where the balancer model's tables do not reach (nesting deeper
   * than they go, two transparent elements on top, ...), on an output that passed every other
   * check: whether the next pass, {@code next}, wrote the same text. A replay through a bare
   * tag balancer would not be exact here: at OWASP's nesting limit of 256 the balancer drops
   * an end tag that OWASP's policy stage then writes at the end of the document.
   */
  private static OutputCheck.Verdict decide(RenderBuffer out, @Nullable RenderBuffer next) {
    return next != null && Arrays.equals(out.chars(), 0, out.length(), next.chars(), 0,
        next.length()) ? OutputCheck.Verdict.CLEAN : OutputCheck.Verdict.UNSTABLE;
  }

  /**
   * One OWASP pass, rendered by Bulwark's {@link Renderer} into a buffer the check can read
   * directly: what {@link PolicyFactory#sanitize(String, HtmlChangeListener, Object)} does,
   * with the renderer in place of OWASP's and its {@code StringBuilder}. Bulwark's policies
   * set no pre-processor, so the sanitizer's default (identity) one is the factory's. Returns
   * null, to fail closed, should the renderer meet an event outside its tables (which only a
   * bug could cause: the tables hold everything the policy allows).
   */
  private @Nullable RenderBuffer pass(String html, @Nullable Removed removed) {
    Renderer renderer = new Renderer(markup, html.length());
    HtmlSanitizer.sanitize(html, removed == null ? factory.apply(renderer)
        : factory.apply(renderer, removed, removed));
    return renderer.unsupported() ? null : renderer.output();
  }

  /** One raw OWASP pass, OWASP's renderer, no check; the reference in tests. */
  String singlePass(String html) {
    return factory.sanitize(html);
  }

  /** One pass as {@link #sanitize} makes it, without the check; for tests of its evidence. */
  @Nullable String renderedPass(String html) {
    RenderBuffer out = pass(html, null);
    return out == null ? null : out.toString();
  }

  /** The verdict {@link #sanitize} acts on for a pass that wrote {@code html}; for tests. */
  OutputCheck.Verdict check(String html) {
    RenderBuffer out = RenderBuffer.of(html);
    OutputCheck.Verdict verdict = outputCheck.checkByModel(out.chars(), out.length());
    return verdict != null ? verdict : decide(out, pass(html, null));
  }

  /** This policy's post-sanitize check; for tests. */
  OutputCheck outputCheck() {
    return outputCheck;
  }

  /**
   * Returns the maximum input length this policy accepts.
   *
   * @return the limit in UTF-16 code units
   */
  public int maxInputLength() {
    return maxInputLength;
  }

  /**
   * Returns the allowed elements and, for each, its allowed attributes (including the
   * {@code href}/{@code rel} and {@code src} that links and images bring).
   *
   * @return an unmodifiable map, element to attributes
   */
  public Map<String, Set<String>> allowed() {
    return Map.copyOf(attributesByElement); // already immutable: copyOf returns it as is
  }

  /**
   * Returns a builder holding this policy's settings, to derive a policy from it.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    attributesByElement.forEach((element, attributes) -> {
      if (!element.equals("a") && !element.equals("img")) {
        b.allowElements(element);
        attributes.forEach(a -> b.allowAttributes(a, element));
      }
    });
    if (!linkProtocols.isEmpty()) {
      b.allowLinks(linkProtocols.toArray(String[]::new));
    }
    if (!imageProtocols.isEmpty()) {
      b.allowImages(imageProtocols.toArray(String[]::new));
    }
    for (String element : List.of("a", "img")) {
      for (String attribute : attributesByElement.getOrDefault(element, Set.of())) {
        if (!b.attributes.get(element).contains(attribute)) {
          b.allowAttributes(attribute, element);
        }
      }
    }
    return b.maxInputLength(maxInputLength);
  }

  private PolicyFactory toFactory() {
    HtmlPolicyBuilder owasp = new HtmlPolicyBuilder();
    attributesByElement.forEach((element, attributes) -> {
      owasp.allowElements(element);
      for (String attribute : attributes) {
        if (attribute.equals("href") || attribute.equals("src") || attribute.equals("rel")) {
          continue;
        }
        Pattern values = Elements.valuePattern(attribute);
        if (values == null) {
          owasp.allowAttributes(attribute).matching(TRIM).onElements(element);
        } else {
          owasp.allowAttributes(attribute).matching(values).onElements(element);
        }
      }
    });
    Set<String> protocols = new LinkedHashSet<>(linkProtocols);
    protocols.addAll(imageProtocols);
    if (!linkProtocols.isEmpty()) {
      owasp.allowAttributes("href").matching(Urls.withScheme(linkProtocols)).onElements("a");
      owasp.requireRelsOnLinks(LINK_RELS.toArray(String[]::new));
    }
    if (!imageProtocols.isEmpty()) {
      owasp.allowAttributes("src").matching(Urls.withScheme(imageProtocols)).onElements("img");
    }
    if (!protocols.isEmpty()) {
      owasp.allowUrlProtocols(protocols.toArray(String[]::new));
    }
    return owasp.toFactory();
  }

  /** Collects what the OWASP sanitizer discarded; one per call, never shared. */
  private static final class Removed implements HtmlChangeListener<Removed> {
    final List<String> elements = new ArrayList<>();
    final List<String> attributes = new ArrayList<>();

    @Override
    public void discardedTag(Removed context, String elementName) {
      elements.add(Ascii.toLowerCase(elementName));
    }

    @Override
    public void discardedAttributes(Removed context, String tagName, String... attributeNames) {
      for (String attribute : attributeNames) {
        attributes.add(Ascii.toLowerCase(tagName) + "@" + Ascii.toLowerCase(attribute));
      }
    }
  }

  /**
   * Builds an {@link HtmlPolicy}. Every setting is checked in {@link #build()}, which refuses
   * elements, attributes and schemes that could run script, with a message naming the fix.
   * Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Set<String>> attributes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> linkProtocols = new LinkedHashSet<>();
    private final Set<String> imageProtocols = new LinkedHashSet<>();
    private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;

    private Builder() {}

    /**
     * Allows elements (without attributes). Links and images have their own methods,
     * {@link #allowLinks} and {@link #allowImages}.
     *
     * @param elements element names, case-insensitive
     * @return this builder
     */
    public Builder allowElements(String... elements) {
      for (String element : elements) {
        String name = Ascii.toLowerCase(Objects.requireNonNull(element, "element"));
        String problem = Elements.elementProblem(name);
        if (problem != null) {
          problems.add(problem);
        } else {
          attributes.computeIfAbsent(name, k -> new LinkedHashSet<>());
        }
      }
      return this;
    }

    /**
     * Allows an attribute on the given elements, which must be allowed too. Numeric and
     * enumerated attributes ({@code colspan}, {@code width}, {@code dir}, ...) are also checked
     * for well-formed values.
     *
     * @param attribute the attribute name, case-insensitive
     * @param elements the elements it may appear on
     * @return this builder
     */
    public Builder allowAttributes(String attribute, String... elements) {
      String name = Ascii.toLowerCase(Objects.requireNonNull(attribute, "attribute"));
      String problem = Elements.attributeProblem(name);
      if (problem != null) {
        problems.add(problem);
        return this;
      }
      if (elements.length == 0) {
        problems.add("allowAttributes(\"" + name + "\") names no element; list the elements"
            + " it may appear on");
      }
      for (String element : elements) {
        String e = Ascii.toLowerCase(Objects.requireNonNull(element, "element"));
        Set<String> allowed = attributes.get(e);
        if (allowed == null) {
          problems.add("allowAttributes(\"" + name + "\", \"" + e + "\"): element \"" + e
              + "\" is not allowed; call allowElements(\"" + e + "\") first");
        } else {
          allowed.add(name);
        }
      }
      return this;
    }

    /**
     * Allows {@code <a href>} with an absolute URL in one of the given schemes, and adds
     * {@code rel="nofollow noopener noreferrer ugc"} to every link. Relative URLs are dropped.
     *
     * @param protocols a subset of {@code https}, {@code http}, {@code mailto}
     * @return this builder
     */
    public Builder allowLinks(String... protocols) {
      addProtocols(protocols, Set.of("https", "http", "mailto"), linkProtocols, "allowLinks");
      attributes.computeIfAbsent("a", k -> new LinkedHashSet<>())
          .addAll(List.of("href", "rel"));
      return this;
    }

    /**
     * Allows {@code <img src alt title width height>} with an absolute {@code src} URL in one
     * of the given schemes. {@code data:} URLs are never allowed (an SVG image can carry
     * script when opened directly).
     *
     * @param protocols a subset of {@code https}, {@code http}
     * @return this builder
     */
    public Builder allowImages(String... protocols) {
      addProtocols(protocols, Set.of("https", "http"), imageProtocols, "allowImages");
      attributes.computeIfAbsent("img", k -> new LinkedHashSet<>())
          .addAll(List.of("src", "alt", "title", "width", "height"));
      return this;
    }

    /**
     * Sets the longest input accepted; longer input throws {@link InputTooLargeException}.
     *
     * @param length at least 1, in UTF-16 code units
     * @return this builder
     */
    public Builder maxInputLength(int length) {
      this.maxInputLength = length;
      return this;
    }

    /**
     * Checks every setting and builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming every refused setting and its fix
     */
    public HtmlPolicy build() {
      List<String> all = new ArrayList<>(problems);
      if (maxInputLength < 1) {
        all.add("maxInputLength is " + maxInputLength + "; use a positive limit such as "
            + DEFAULT_MAX_INPUT_LENGTH);
      }
      if (!all.isEmpty()) {
        throw new IllegalArgumentException("Invalid HTML policy: " + String.join("; ", all));
      }
      return new HtmlPolicy(this);
    }

    private void addProtocols(String[] protocols, Set<String> permitted, Set<String> target,
        String method) {
      if (protocols.length == 0) {
        problems.add(method + "() names no URL scheme; pass at least \"https\"");
      }
      for (String protocol : protocols) {
        String p = Ascii.toLowerCase(Objects.requireNonNull(protocol, "protocol"));
        if (p.endsWith(":")) {
          p = p.substring(0, p.length() - 1);
        }
        if (permitted.contains(p)) {
          target.add(p);
        } else {
          problems.add(method + "(\"" + protocol + "\"): scheme refused, it can run script or"
              + " load active content; use one of " + String.join(", ", new TreeSet<>(permitted)));
        }
      }
    }
  }
}
