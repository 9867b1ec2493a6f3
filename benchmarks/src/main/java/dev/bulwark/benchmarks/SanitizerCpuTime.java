package dev.bulwark.benchmarks;

import dev.bulwark.sanitize.Sanitizers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * The {@link SanitizerBenchmark} comparison measured by thread CPU time instead of wall-clock
 * time, for a shared machine whose load makes wall-clock figures unusable: the three
 * implementations run in interleaved rounds on one thread and the median per-call CPU time of
 * each is printed, with the ratio to Bulwark. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.SanitizerCpuTime}.
 */
public final class SanitizerCpuTime {

  private SanitizerCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"bulwarkRichText", "owaspSamePolicy", "jsoupRelaxed"};
    for (String input : new String[] {"comment", "tagSoup"}) {
      String html = input.equals("comment") ? SanitizerBenchmark.COMMENT
          : SanitizerBenchmark.TAG_SOUP;
      List<UnaryOperator<String>> runs = List.of(
          Sanitizers.RICH_TEXT::sanitize,
          SanitizerBenchmark.OWASP_SAME_POLICY::sanitize,
          h -> Jsoup.clean(h, SanitizerBenchmark.RELAXED));
      int rounds = 60;
      int calls = 200;
      double[][] micros = new double[runs.size()][rounds];
      long sink = 0;
      for (int round = -20; round < rounds; round++) { // 20 warm-up rounds
        for (int r = 0; r < runs.size(); r++) {
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < calls; i++) {
            sink += runs.get(r).apply(html).length();
          }
          if (round >= 0) {
            micros[r][round] = (threads.getCurrentThreadCpuTime() - start) / (calls * 1e3);
          }
        }
      }
      double bulwark = median(micros[0]);
      for (int r = 0; r < runs.size(); r++) {
        System.out.printf(Locale.ROOT, "input=%s %-16s median CPU %8.1f us/op  x%.3f of Bulwark%n",
            input, names[r], median(micros[r]), median(micros[r]) / bulwark);
      }
      System.out.println("(checksum " + sink + ")");
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
