package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import dev.bulwark.benchmarks.CpuTimeComparison.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link EncoderBenchmark} comparison measured by {@link CpuTimeComparison}: each Bulwark
 * encoder against OWASP's {@code Encode} method for the same context, on the same clean and
 * dirty values, in interleaved rounds on one thread. Prints a Markdown table. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.EncoderCpuTime
 * [rounds] [--jvms N]} (default 300 rounds of 20,000 calls each, after 40 warm-up rounds, in
 * this JVM; see {@link CpuTimeRuns}).
 */
public final class EncoderCpuTime {

  private EncoderCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code [rounds] [--jvms N]}
   * @throws IOException if a child JVM cannot be started or read
   * @throws InterruptedException if interrupted while waiting for a child JVM
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    CpuTimeRuns.main(EncoderCpuTime.class, args, 300, EncoderCpuTime::measure);
  }

  private static List<Row> measure(int rounds) {
    CpuTimeComparison comparison = new CpuTimeComparison();
    List<Row> rows = new ArrayList<>();
    for (String context : new String[] {"htmlContent", "htmlAttribute", "javaScript",
        "uriComponent"}) {
      for (String input : new String[] {"clean", "dirty"}) {
        EncoderBenchmark state = new EncoderBenchmark();
        state.context = context;
        state.input = input;
        state.setUp(); // also checks that clean values are returned as they are
        Contender bulwark = new Contender("Bulwark Encoders", calls -> {
          long sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += state.bulwark().length();
          }
          return sum;
        });
        Contender owasp = new Contender("OWASP Encode", calls -> {
          long sum = 0;
          for (int i = 0; i < calls; i++) {
            sum += state.owasp().length();
          }
          return sum;
        });
        rows.addAll(comparison.compare("context=" + context + ", input=" + input, bulwark,
            List.of(owasp), 20_000, 40, rounds));
      }
    }
    System.err.println("(checksum " + comparison.checksum() + ")");
    return rows;
  }
}
