package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import dev.bulwark.sanitize.Sanitizers;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * The {@link SanitizerBenchmark} comparison measured by {@link CpuTimeComparison}: Bulwark's
 * {@code RICH_TEXT}, the raw OWASP sanitizer with the same allow-list and jsoup's
 * {@code Cleaner}, in interleaved rounds on one thread. Prints a Markdown table. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.SanitizerCpuTime
 * [rounds]} (default 300 rounds of 100 calls each, after 40 warm-up rounds).
 */
public final class SanitizerCpuTime {

  private SanitizerCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally, the number of measured rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    CpuTimeComparison comparison = new CpuTimeComparison();
    System.out.println(CpuTimeComparison.HEADER);
    for (String input : new String[] {"comment", "tagSoup"}) {
      String html = input.equals("comment") ? SanitizerBenchmark.COMMENT
          : SanitizerBenchmark.TAG_SOUP;
      Contender bulwark = new Contender("Bulwark RICH_TEXT", calls -> {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
          sum += Sanitizers.RICH_TEXT.sanitize(html).length();
        }
        return sum;
      });
      Contender owasp = new Contender("OWASP, same allow-list", calls -> {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
          sum += SanitizerBenchmark.OWASP_SAME_POLICY.sanitize(html).length();
        }
        return sum;
      });
      Contender jsoup = new Contender("jsoup Safelist.relaxed()", calls -> {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
          sum += Jsoup.clean(html, SanitizerBenchmark.RELAXED).length();
        }
        return sum;
      });
      for (CpuTimeComparison.Row row
          : comparison.compare(bulwark, List.of(owasp, jsoup), 100, 40, rounds)) {
        System.out.println(row.format("input=" + input));
      }
    }
    System.out.println("(checksum " + comparison.checksum() + ")");
  }
}
