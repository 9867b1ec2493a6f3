package dev.bulwark.benchmarks;

import static dev.bulwark.benchmarks.CorsFixtures.check;

import dev.bulwark.headers.ContentSecurityPolicy;
import dev.bulwark.headers.SecurityHeadersPolicies;
import dev.bulwark.headers.SecurityHeadersPolicy;
import dev.bulwark.servlet.SecurityHeadersFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Security headers at the Servlet level: Bulwark's {@link SecurityHeadersFilter} with
 * {@link SecurityHeadersPolicies#recommended()} beside Spring Security's
 * {@link HeaderWriterFilter} with one writer per header of the same set and the same values,
 * on the same request and response (reset before every call), with a no-op chain. The response
 * is either Spring's mock ({@code response=spring-mock}) or Tomcat's real connector response
 * over a recycled {@code org.apache.coyote.Response} ({@code response=tomcat}), because header
 * storage dominates both filters' cost and the mock's (a lower-cased key allocated per lookup)
 * is not a container's.
 *
 * <p>Spring's filter runs twice: as configured by default (headers written when the response
 * is committed or the chain returns, through request and response wrappers) and with
 * {@code shouldWriteHeadersEagerly} (headers written before the chain, as Bulwark does). A
 * fourth row measures Bulwark with {@link SecurityHeadersPolicies#recommendedWithNonce()}: the
 * same headers plus a fresh 144-bit nonce from a {@link SecureRandom}, which Spring cannot do.
 * {@link #setUp()} checks that every implementation wrote exactly the expected values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@BenchmarkDescription({
    "**What is compared.** The per-request cost of adding the recommended security headers"
        + " (CSP, COOP, CORP, Origin-Agent-Cluster, Referrer-Policy, X-Content-Type-Options,"
        + " X-Frame-Options, X-DNS-Prefetch-Control, X-Download-Options,"
        + " X-Permitted-Cross-Domain-Policies, X-XSS-Protection, Permissions-Policy) to one"
        + " `GET /`: Bulwark's `SecurityHeadersFilter.doFilter` with"
        + " `SecurityHeadersPolicies.recommended()`, and Spring Security's"
        + " `HeaderWriterFilter.doFilter` with a writer per header and the same values, once as"
        + " configured by default (written after the chain) and once with"
        + " `shouldWriteHeadersEagerly` (written before it, like Bulwark). Same Spring mock"
        + " request for all and the same response, reset before every call, a no-op chain. The"
        + " response is Spring's `MockHttpServletResponse` (`response=spring-mock`) or Tomcat"
        + " 11's real `org.apache.catalina.connector.Response` over a recycled coyote response"
        + " (`response=tomcat`): writing twelve headers is most of the work of both filters, and"
        + " the mock allocates a lower-cased key on every header lookup, which no container"
        + " does. Bulwark also strips a container-set `X-Powered-By` (one `containsHeader` per"
        + " request) where Spring does nothing.",
    "",
    "**Nonces.** Spring Security cannot send a CSP nonce, so the Spring rows send the"
        + " nonce-free CSP in both groups. `bulwarkSecurityHeadersFilterWithNonce` is Bulwark"
        + " with `recommendedWithNonce()`: the same headers plus a fresh 144-bit nonce per request"
        + " (a shared `SecureRandom`, drawn 16 nonces per call) in the CSP and the request"
        + " attribute; compare it with the Spring rows for the cost of the stronger policy, and"
        + " read its *speed-up* column as its cost relative to the nonce-free Bulwark row.",
    "",
    "**How to read it.** Issue 4 asks for Bulwark to cost at most half of Spring's time per"
        + " request, i.e. a *Bulwark speed-up* of at least 2 on the Spring rows of a group"
        + " (`bulwarkSecurityHeadersFilter` is each group's baseline). Figures come from a shared 2-core machine with"
        + " short runs: read ratios, not absolute numbers."
})
public class SecurityHeadersBenchmark {

  static final String SPRING_SECURITY_VERSION = "6.5.11";

  /** Which response the filters write to. */
  @Param({"spring-mock", "tomcat"})
  public String response = "spring-mock";

  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
  private final BulkWriteMockResponse mock = new BulkWriteMockResponse();
  private final org.apache.coyote.Response coyote = new org.apache.coyote.Response();
  private final org.apache.catalina.connector.Response tomcat =
      new org.apache.catalina.connector.Response(coyote);
  private HttpServletResponse target = mock;
  private final CorsFixtures.CountingChain chain = new CorsFixtures.CountingChain();
  // Built in setUp(): a constructor that can throw would leave a partly built object.
  private SecurityHeadersFilter bulwark = new SecurityHeadersFilter();
  private SecurityHeadersFilter bulwarkNonce = new SecurityHeadersFilter();
  private HeaderWriterFilter spring = placeholder();
  private HeaderWriterFilter springEager = placeholder();

  private static HeaderWriterFilter placeholder() {
    return new HeaderWriterFilter(List.of(new XContentTypeOptionsHeaderWriter()));
  }

  private static List<HeaderWriter> springWriters() {
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended();
    ContentSecurityPolicy csp = java.util.Objects.requireNonNull(policy.contentSecurityPolicy());
    Map<String, String> h = policy.headers();
    XXssProtectionHeaderWriter xss = new XXssProtectionHeaderWriter();
    xss.setHeaderValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED);
    CrossOriginOpenerPolicyHeaderWriter coop = new CrossOriginOpenerPolicyHeaderWriter();
    coop.setPolicy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN);
    CrossOriginResourcePolicyHeaderWriter corp = new CrossOriginResourcePolicyHeaderWriter();
    corp.setPolicy(CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy.SAME_ORIGIN);
    return List.of(
        new ContentSecurityPolicyHeaderWriter(csp.render("")),
        coop,
        corp,
        new StaticHeadersWriter("Origin-Agent-Cluster", h.get("Origin-Agent-Cluster")),
        new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER),
        new XContentTypeOptionsHeaderWriter(),
        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN),
        new StaticHeadersWriter("X-DNS-Prefetch-Control", h.get("X-DNS-Prefetch-Control")),
        new StaticHeadersWriter("X-Download-Options", h.get("X-Download-Options")),
        new StaticHeadersWriter("X-Permitted-Cross-Domain-Policies",
            h.get("X-Permitted-Cross-Domain-Policies")),
        xss,
        new PermissionsPolicyHeaderWriter(h.get("Permissions-Policy")));
  }

  /**
   * Checks that every implementation writes exactly the expected headers.
   *
   * @throws ServletException when a filter fails
   * @throws IOException when a filter fails
   */
  @Setup
  public void setUp() throws ServletException, IOException {
    // The shaded benchmarks jar drops the manifest version, then getVersion() is null.
    String version = SpringSecurityCoreVersion.getVersion();
    check(version == null || version.equals(SPRING_SECURITY_VERSION),
        "Spring Security on the class path is " + version + ", the @Peer label says "
            + SPRING_SECURITY_VERSION);
    bulwark = new SecurityHeadersFilter(SecurityHeadersPolicies.recommended(), new SecureRandom());
    bulwarkNonce = new SecurityHeadersFilter(
        SecurityHeadersPolicies.recommendedWithNonce(), new SecureRandom());
    spring = new HeaderWriterFilter(springWriters());
    springEager = new HeaderWriterFilter(springWriters());
    springEager.setShouldWriteHeadersEagerly(true);
    target = response.equals("tomcat") ? tomcat : mock;
    SecurityHeadersPolicy policy = SecurityHeadersPolicies.recommended();
    String csp = java.util.Objects.requireNonNull(policy.contentSecurityPolicy()).render("");
    for (int i = 0; i < 2; i++) {
      expect("Bulwark", bulwarkSecurityHeadersFilter(), policy, csp);
      expect("Spring", springHeaderWriterFilter(), policy, csp);
      expect("Spring eager", springHeaderWriterFilterEager(), policy, csp);
      HttpServletResponse nonce = bulwarkSecurityHeadersFilterWithNonce();
      String value = nonce.getHeader("Content-Security-Policy");
      check(value != null && value.contains("'nonce-"), "Bulwark nonce: CSP " + value);
    }
  }

  private void expect(String who, HttpServletResponse res, SecurityHeadersPolicy policy,
      String csp) {
    check(csp.equals(res.getHeader("Content-Security-Policy")),
        who + ": CSP " + res.getHeader("Content-Security-Policy"));
    policy.headers().forEach((name, value) -> check(
        List.of(value).equals(List.copyOf(res.getHeaders(name))),
        who + ": " + name + " " + res.getHeaders(name)));
    check(res.getHeaderNames().size() == policy.headers().size() + 1,
        who + ": headers " + res.getHeaderNames());
  }

  private HttpServletResponse freshResponse() {
    if (target == tomcat) {
      coyote.recycle();   // as the connector does between requests: headers kept, cleared
    } else {
      mock.setCommitted(false);
      mock.reset();
    }
    return target;
  }

  /**
   * Bulwark's filter, recommended preset.
   *
   * @return the response, for the blackhole
   * @throws ServletException never here
   * @throws IOException never here
   */
  @Benchmark
  public HttpServletResponse bulwarkSecurityHeadersFilter()
      throws ServletException, IOException {
    HttpServletResponse res = freshResponse();
    bulwark.doFilter(request, res, chain);
    return res;
  }

  /**
   * Bulwark's filter, recommended preset with a fresh nonce per request.
   *
   * @return the response, for the blackhole
   * @throws ServletException never here
   * @throws IOException never here
   */
  @Benchmark
  public HttpServletResponse bulwarkSecurityHeadersFilterWithNonce()
      throws ServletException, IOException {
    HttpServletResponse res = freshResponse();
    bulwarkNonce.doFilter(request, res, chain);
    return res;
  }

  /**
   * Spring Security's filter as configured by default (headers written after the chain).
   *
   * @return the response, for the blackhole
   * @throws ServletException never here
   * @throws IOException never here
   */
  @Benchmark
  @Peer("Spring Security " + SPRING_SECURITY_VERSION + " HeaderWriterFilter")
  public HttpServletResponse springHeaderWriterFilter() throws ServletException, IOException {
    HttpServletResponse res = freshResponse();
    spring.doFilter(request, res, chain);
    return res;
  }

  /**
   * Spring Security's filter writing headers before the chain, like Bulwark.
   *
   * @return the response, for the blackhole
   * @throws ServletException never here
   * @throws IOException never here
   */
  @Benchmark
  @Peer("Spring Security " + SPRING_SECURITY_VERSION + " HeaderWriterFilter (eager)")
  public HttpServletResponse springHeaderWriterFilterEager()
      throws ServletException, IOException {
    HttpServletResponse res = freshResponse();
    springEager.doFilter(request, res, chain);
    return res;
  }
}
