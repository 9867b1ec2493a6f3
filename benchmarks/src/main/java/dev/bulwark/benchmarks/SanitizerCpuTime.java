package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import dev.bulwark.benchmarks.CpuTimeComparison.Row;
import dev.bulwark.sanitize.Sanitizers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * The {@link SanitizerBenchmark} comparison measured by {@link CpuTimeComparison}: Bulwark's
 * {@code RICH_TEXT}, the raw OWASP sanitizer with the same allow-list and jsoup's
 * {@code Cleaner}, in interleaved rounds on one thread. Prints a Markdown table. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.SanitizerCpuTime
 * [rounds] [--jvms N]} (default 300 rounds of 100 calls each, after 40 warm-up rounds, in
 * this JVM; see {@link CpuTimeRuns}).
 */
public final class SanitizerCpuTime {

  private SanitizerCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code [rounds] [--jvms N]}
   * @throws IOException if a child JVM cannot be started or read
   * @throws InterruptedException if interrupted while waiting for a child JVM
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    CpuTimeRuns.main(SanitizerCpuTime.class, args, 300, SanitizerCpuTime::measure);
  }

  private static List<Row> measure(int rounds) {
    CpuTimeComparison comparison = new CpuTimeComparison();
    List<Row> rows = new ArrayList<>();
    for (String input : new String[] {"comment", "tagSoup"}) {
      String html = input.equals("comment") ? SanitizerBenchmark.COMMENT
          : SanitizerBenchmark.TAG_SOUP;
      Contender bulwark = contender("Bulwark RICH_TEXT", html, Sanitizers.RICH_TEXT::sanitize);
      Contender owasp = contender("OWASP, same policy", html,
          SanitizerBenchmark.OWASP_SAME_POLICY::sanitize);
      Contender protocolsOnly = contender("OWASP, no URL rule", html,
          SanitizerBenchmark.OWASP_PROTOCOLS_ONLY::sanitize);
      Contender jsoup = contender("jsoup Safelist.relaxed()", html,
          h -> Jsoup.clean(h, SanitizerBenchmark.RELAXED));
      rows.addAll(comparison.compare("input=" + input, bulwark,
          List.of(owasp, protocolsOnly, jsoup), 100, 40, rounds));
    }
    System.err.println("(checksum " + comparison.checksum() + ")");
    return rows;
  }

  /**
   * A contender that sanitizes {@code html} once per call. The call through
   * {@code sanitize} costs a few nanoseconds against tens of microseconds of work.
   */
  private static Contender contender(String name, String html, UnaryOperator<String> sanitize) {
    return new Contender(name, calls -> {
      long sum = 0;
      for (int i = 0; i < calls; i++) {
        sum += sanitize.apply(html).length();
      }
      return sum;
    });
  }
}
