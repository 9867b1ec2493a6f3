package dev.bulwark.benchmarks;

import dev.bulwark.time.NanoClock;
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

/**
 * What injecting the monotonic clock costs: every Bulwark engine reads time through a
 * {@link NanoClock} field instead of calling {@link System#nanoTime()} directly, so that tests
 * can use a fake clock. This measures the read through the interface against the direct call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NanoClockBenchmark {

  private final NanoClock clock = NanoClock.system();

  /** Reads the injected clock, as engines do. */
  @Benchmark
  public long injectedNanoClock() {
    return clock.nanoTime();
  }

  /** Calls the JDK directly, as code without an injectable clock does. */
  @Benchmark
  @Peer("JDK System.nanoTime()")
  public long systemNanoTime() {
    return System.nanoTime();
  }
}
