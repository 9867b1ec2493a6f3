package dev.bulwark.benchmarks;

import dev.bulwark.encode.Encoders;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.owasp.encoder.Encode;

/**
 * The cost of the encoder facade (a null check and a static call) against calling the OWASP
 * encoder directly, on a 60-character value that needs encoding and on one that does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {

  private String dirty = "Tom & Jerry <tom@example.com> said \"hi\" & left 'quickly'.";
  private String clean = "Tom and Jerry at example dot com said hi and left quickly.";

  /** Bulwark facade, text that needs encoding. */
  @Benchmark
  public String bulwarkHtmlContentDirty() {
    return Encoders.forHtmlContent(dirty);
  }

  /** OWASP directly, text that needs encoding. */
  @Benchmark
  @Peer("OWASP Java Encoder 1.5.0")
  public String owaspHtmlContentDirty() {
    return Encode.forHtmlContent(dirty);
  }

  /** Bulwark facade, text returned as is. */
  @Benchmark
  public String bulwarkHtmlContentClean() {
    return Encoders.forHtmlContent(clean);
  }

  /** OWASP directly, text returned as is. */
  @Benchmark
  @Peer("OWASP Java Encoder 1.5.0")
  public String owaspHtmlContentClean() {
    return Encode.forHtmlContent(clean);
  }
}
