package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import java.util.List;

/**
 * The {@link EncoderBenchmark} comparison measured by {@link CpuTimeComparison}: each Bulwark
 * encoder against OWASP's {@code Encode} method for the same context, on the same clean and
 * dirty values, in interleaved rounds on one thread. Prints a Markdown table. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.EncoderCpuTime
 * [rounds]} (default 300 rounds of 20,000 calls each, after 40 warm-up rounds).
 */
public final class EncoderCpuTime {

  private EncoderCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally, the number of measured rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    CpuTimeComparison comparison = new CpuTimeComparison();
    System.out.println(CpuTimeComparison.HEADER);
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
        for (CpuTimeComparison.Row row
            : comparison.compare(bulwark, List.of(owasp), 20_000, 40, rounds)) {
          System.out.println(row.format("context=" + context + ", input=" + input));
        }
      }
    }
    System.out.println("(checksum " + comparison.checksum() + ")");
  }
}
