package dev.bulwark.benchmarks;

import dev.bulwark.sanitize.Sanitizers;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Sanitizing a 1.6 K-character rich-text comment (formatting, a list, a table, links, an image and a few
 * attack strings) with Bulwark's {@code RICH_TEXT} preset, the raw OWASP sanitizer configured
 * with the same elements and attributes, and jsoup's {@code Cleaner} with
 * {@code Safelist.relaxed()}. {@code input=comment} is that comment; {@code input=tagSoup} is
 * the same comment with pasted-in broken structure (a {@code select}, a stray table cell inside a
 * paragraph) whose first OWASP output is not a fixed point (checked at set-up), so Bulwark runs its
 * second pass: the worst case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@BenchmarkDescription("Bulwark's RICH_TEXT runs the OWASP sanitizer's lexer, tag balancer"
    + " and policy once and writes what survives with its own renderer (the output OWASP's"
    + " renderer writes, straight into a character array, in about 30% less CPU time than"
    + " OWASP's renderer and its `StringBuilder`), then its post-sanitize check: one linear"
    + " scan of that array that checks elements, attributes and URL schemes against the policy"
    + " and, from tables of the OWASP tag balancer's behaviour, tells whether a second pass"
    + " would change anything; only then is the result `String` made. Only when it would (`input=tagSoup`)"
    + " does it sanitize again, so that row costs about two OWASP passes by design (the stored"
    + " output must be a fixed point). The peer rows use the same allow-list the way a user of"
    + " each library would write it; `owaspSamePolicy` also has RICH_TEXT's URL rule (absolute"
    + " `https:`/`mailto:` links and `https:` images only, relative URLs dropped) as a plain"
    + " attribute policy, and gives the same output on `comment` (checked at set-up), while"
    + " `owaspProtocolsOnly` has `allowUrlProtocols` alone and keeps relative URLs. Issue 10"
    + " asks for at most 5% over the raw OWASP sanitizer on `comment` and at least jsoup's"
    + " speed. `input=comment` is 1,596 characters. JIT decisions differ from fork to fork by a"
    + " few per cent here, so compare runs with many forks; `SanitizerCpuTime` in this module"
    + " measures the same rows by thread CPU time in interleaved rounds and several JVMs, which"
    + " a loaded machine disturbs less.")
public class SanitizerBenchmark {

  static final String COMMENT = ("<p>Thanks for the <b>write-up</b>! A few notes:</p>"
      + "<ul><li>The <code>Encoder</code> section is <em>great</em>.</li>"
      + "<li>See <a href=\"https://example.com/docs?x=1&amp;y=2\">the docs</a> and "
      + "<a href=\"javascript:alert(1)\">this</a>.</li></ul>"
      + "<table><tr><th scope=\"col\">A</th><th>B</th></tr><tr><td colspan=\"2\">c</td></tr>"
      + "</table><img src=\"https://example.com/a.png\" alt=\"chart\" onerror=\"alert(1)\">"
      + "<blockquote>quoted <i>text</i> &lt;3</blockquote><pre>x &lt; y</pre>"
      + "<script>alert(document.cookie)</script><h3 style=\"color:red\">Heading</h3>").repeat(3);

  static final String TAG_SOUP = COMMENT
      + "<select><option>pick one</option></select><p>para<td><pre>cell</pre>";

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

  /**
   * The OWASP policy for {@code Sanitizers.RICH_TEXT}: the same elements and attributes, and
   * its URL rule (links only to absolute {@code https:} or {@code mailto:} URLs, images only
   * to absolute {@code https:} URLs; relative URLs dropped), which OWASP's
   * {@code allowUrlProtocols} alone does not enforce, written as a plain attribute policy.
   */
  static final PolicyFactory OWASP_SAME_POLICY = owaspPolicy(true);

  /**
   * As {@link #OWASP_SAME_POLICY} without the URL rule: {@code allowUrlProtocols} only, which
   * keeps relative URLs. Less than {@code RICH_TEXT} enforces; shown for comparison.
   */
  static final PolicyFactory OWASP_PROTOCOLS_ONLY = owaspPolicy(false);

  private static PolicyFactory owaspPolicy(boolean urlRule) {
    HtmlPolicyBuilder builder = new HtmlPolicyBuilder()
        .allowElements("b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small",
            "mark", "p", "br", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
            "h5", "h6", "code", "pre", "blockquote", "hr", "table", "caption", "thead",
            "tbody", "tfoot", "tr", "th", "td", "a", "img")
        .allowAttributes("colspan", "rowspan").matching(DIGITS).onElements("th", "td")
        .allowAttributes("scope").onElements("th")
        .allowAttributes("start").matching(Pattern.compile("-?[0-9]{1,6}")).onElements("ol")
        .allowAttributes("alt", "title").onElements("img")
        .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,4}"))
        .onElements("img");
    if (urlRule) {
      builder.allowAttributes("href").matching(absoluteUrl("https", "mailto")).onElements("a")
          .allowAttributes("src").matching(absoluteUrl("https")).onElements("img");
    } else {
      builder.allowAttributes("href").onElements("a")
          .allowAttributes("src").onElements("img");
    }
    return builder.allowUrlProtocols("https", "mailto")
        .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
        .toFactory();
  }

  /** Keeps a URL only if it starts with one of {@code schemes} and a colon, in any case. */
  private static AttributePolicy absoluteUrl(String... schemes) {
    return (element, attribute, value) -> {
      for (String scheme : schemes) {
        if (value.length() > scheme.length() && value.charAt(scheme.length()) == ':'
            && value.regionMatches(true, 0, scheme, 0, scheme.length())) {
          return value;
        }
      }
      return null;
    };
  }

  static final Safelist RELAXED = Safelist.relaxed();

  /** Which input: {@code comment} (one pass) or {@code tagSoup} (Bulwark's second pass). */
  @Param({"comment", "tagSoup"})
  public String input;

  private String html = "";

  /** Picks the input. */
  @Setup
  public void setUp() {
    html = input.equals("comment") ? COMMENT : TAG_SOUP;
    if (input.equals("comment")
        && !Sanitizers.RICH_TEXT.sanitize(html).equals(OWASP_SAME_POLICY.sanitize(html))) {
      throw new IllegalStateException("Bulwark and the OWASP peer disagree on " + input);
    }
    String once = OWASP_SAME_POLICY.sanitize(html);
    if (OWASP_SAME_POLICY.sanitize(once).equals(once) != input.equals("comment")) {
      throw new IllegalStateException(input + ": expected the first OWASP output to be "
          + (input.equals("comment") ? "" : "not ") + "a fixed point");
    }
  }

  /** Bulwark's preset: one pass, the post-sanitize check, a second pass only if needed. */
  @Benchmark
  public String bulwarkRichText() {
    return Sanitizers.RICH_TEXT.sanitize(html);
  }

  /** The raw OWASP sanitizer with the same policy, one pass. */
  @Benchmark
  @Peer("OWASP Java HTML Sanitizer 20260102.1")
  public String owaspSamePolicy() {
    return OWASP_SAME_POLICY.sanitize(html);
  }

  /** The raw OWASP sanitizer without RICH_TEXT's URL rule (relative URLs kept), one pass. */
  @Benchmark
  @Peer("OWASP Java HTML Sanitizer 20260102.1, no URL rule")
  public String owaspProtocolsOnly() {
    return OWASP_PROTOCOLS_ONLY.sanitize(html);
  }

  /** jsoup's Cleaner with the relaxed safelist. */
  @Benchmark
  @Peer("jsoup 1.24.1 Safelist.relaxed()")
  public String jsoupRelaxed() {
    return Jsoup.clean(html, RELAXED);
  }
}
