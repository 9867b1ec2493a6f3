package dev.bulwark.benchmarks;

import static dev.bulwark.benchmarks.CorsFixtures.ACAO;
import static dev.bulwark.benchmarks.CorsFixtures.ALLOWED_ORIGIN;
import static dev.bulwark.benchmarks.CorsFixtures.check;

import dev.bulwark.cors.CorsDecision;
import dev.bulwark.cors.CorsEngine;
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

/**
 * Bulwark's CORS engine without a Servlet container: {@link CorsEngine#decide} on a reusable
 * {@link FixedRequestView}, then {@link CorsDecision#writeHeaders} into a reusable
 * {@link ReusableResponseHeaders}, which is cleared first. Neither fixture allocates, so the
 * allocation figure is the engine's own. The requests and the policy are those of
 * {@link CorsBenchmark}; no peer has a framework-neutral layer to set beside this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@BenchmarkDescription({
    "**What is measured.** Bulwark's CORS engine alone: `CorsEngine.decide` on a reusable,"
        + " allocation-free `HttpRequestView`, then `CorsDecision.writeHeaders` into a reusable,"
        + " allocation-free `HttpResponseHeaders` (cleared before each call). Same three requests"
        + " and policy as `CorsBenchmark`, whose Servlet-level rows are the ones to compare with"
        + " Spring and Tomcat; no peer has an equivalent framework-neutral layer.",
    "",
    "**How to read it.** The *Alloc* column (present when run with `-prof gc`) is the engine's"
        + " own allocation per request: issue 3 asks for none on the allowed (`simple`) path."
        + " Figures come from a shared 2-core machine with short runs: read them as orders of"
        + " magnitude."
})
public class CorsEngineBenchmark {

  /** Which of the three requests is decided. */
  @Param({CorsFixtures.SIMPLE, CorsFixtures.PREFLIGHT, CorsFixtures.REJECTED})
  public String request = CorsFixtures.SIMPLE;

  private final CorsEngine engine = CorsEngine.of(CorsFixtures.bulwarkPolicy());
  private final ReusableResponseHeaders headers = new ReusableResponseHeaders();
  private FixedRequestView view = FixedRequestView.of(CorsFixtures.SIMPLE);

  /** Builds the request view and checks the engine's decision for it. */
  @Setup
  public void setUp() {
    view = FixedRequestView.of(request);
    for (int i = 0; i < 2; i++) {
      CorsDecision decision = bulwarkEngine();
      String origin = headers.first(ACAO);
      switch (request) {
        case CorsFixtures.SIMPLE -> check(decision.kind() == CorsDecision.Kind.ALLOWED
            && ALLOWED_ORIGIN.equals(origin), "simple: " + decision + ", ACAO " + origin);
        case CorsFixtures.PREFLIGHT -> check(
            decision.kind() == CorsDecision.Kind.PREFLIGHT_ALLOWED && decision.status() == 204
                && ALLOWED_ORIGIN.equals(origin)
                && "600".equals(headers.first("Access-Control-Max-Age")),
            "preflight: " + decision + ", ACAO " + origin);
        case CorsFixtures.REJECTED -> check(decision.kind() == CorsDecision.Kind.REJECTED
            && decision.status() == 403 && origin == null,
            "rejected: " + decision + ", ACAO " + origin);
        default -> throw new IllegalStateException("unknown request kind: " + request);
      }
    }
  }

  /**
   * Decides the request and writes the decision's headers.
   *
   * @return the decision, for the blackhole
   */
  @Benchmark
  public CorsDecision bulwarkEngine() {
    headers.clear();
    CorsDecision decision = engine.decide(view);
    decision.writeHeaders(headers);
    return decision;
  }
}
