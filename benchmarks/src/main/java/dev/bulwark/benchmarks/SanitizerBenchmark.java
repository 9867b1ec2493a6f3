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
@BenchmarkDescription("Bulwark's RICH_TEXT runs the OWASP sanitizer once, then its post-sanitize"
    + " check: one linear scan of the rendered text that checks elements, attributes and URL"
    + " schemes against the policy and, from tables of the OWASP tag balancer's behaviour that"
    + " the policy learned when it was built, tells whether a second pass would change"
    + " anything. Only then (`input=tagSoup`) does it sanitize again, so that row costs about"
    + " two OWASP passes by design (the stored output must be a fixed point). The peer rows use"
    + " the same allow-list the way a user of each library would write it. Issue 10 asks for"
    + " at most 5% over the raw OWASP sanitizer on `comment` and at least jsoup's speed."
    + " `input=comment` is 1,596 characters. Figures from a shared 2-core machine with short"
    + " runs; `SanitizerCpuTime` in this module measures the same three by thread CPU time,"
    + " which a loaded machine disturbs less.")
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

  /** The OWASP policy with the same allow-list as {@code Sanitizers.RICH_TEXT}. */
  static final PolicyFactory OWASP_SAME_POLICY = new HtmlPolicyBuilder()
      .allowElements("b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small",
          "mark", "p", "br", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
          "h6", "code", "pre", "blockquote", "hr", "table", "caption", "thead", "tbody",
          "tfoot", "tr", "th", "td", "a", "img")
      .allowAttributes("colspan", "rowspan").matching(DIGITS).onElements("th", "td")
      .allowAttributes("scope").onElements("th")
      .allowAttributes("start").onElements("ol")
      .allowAttributes("href").onElements("a")
      .allowAttributes("src", "alt", "title").onElements("img")
      .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,4}"))
      .onElements("img")
      .allowUrlProtocols("https", "mailto")
      .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
      .toFactory();

  static final Safelist RELAXED = Safelist.relaxed();

  /** Which input: {@code comment} (one pass) or {@code tagSoup} (Bulwark's second pass). */
  @Param({"comment", "tagSoup"})
  public String input;

  private String html = "";

  /** Picks the input. */
  @Setup
  public void setUp() {
    html = input.equals("comment") ? COMMENT : TAG_SOUP;
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

  /** The raw OWASP sanitizer with the same allow-list, one pass. */
  @Benchmark
  @Peer("OWASP Java HTML Sanitizer 20260102.1")
  public String owaspSamePolicy() {
    return OWASP_SAME_POLICY.sanitize(html);
  }

  /** jsoup's Cleaner with the relaxed safelist. */
  @Benchmark
  @Peer("jsoup 1.24.1 Safelist.relaxed()")
  public String jsoupRelaxed() {
    return Jsoup.clean(html, RELAXED);
  }
}
