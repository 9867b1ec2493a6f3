package dev.bulwark.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * Compares Bulwark with a peer by thread CPU time, in interleaved rounds, for a shared machine
 * whose load makes separate wall-clock runs disagree by more than the difference measured.
 *
 * <p>Each peer is compared with Bulwark in rounds of its own: a round runs the two back to back
 * on one thread, in an order that reverses from one round to the next, so that each runs as
 * often right after the other; a contender's turn is {@code calls} calls, timed by
 * {@code ThreadMXBean.getCurrentThreadCpuTime()}, which does not count time the thread spent
 * waiting for a CPU or in another thread: the garbage collector's work is left out, so a
 * difference in allocation shows only through the allocating thread's own share (zeroing,
 * buffer refills). What is reported is the
 * median, over pairs of consecutive rounds (one in each order, so that what ran just before
 * cancels out), of the ratio of the peer's time to Bulwark's: both halves of a ratio ran within
 * milliseconds of each other, so a burst of load moves both. Its 95% confidence interval comes
 * from order statistics (the 1-based ranks {@code floor(n/2 - 0.98 sqrt(n))} and
 * {@code ceil(1 + n/2 + 0.98 sqrt(n))} of the n sorted ratios), which assume nothing about the
 * distribution. Warm-up rounds are run and discarded first.
 *
 * <p>Not thread-safe; one comparison at a time.
 */
final class CpuTimeComparison {

  /** One contender: {@code run.applyAsLong(calls)} makes that many calls and returns a checksum. */
  record Contender(String name, IntToLongFunction run) {}

  /**
   * The result for one peer against Bulwark.
   *
   * @param caseName what was measured (the input, the context, ...)
   * @param peer the peer's name
   * @param bulwarkMicros Bulwark's median CPU time per call
   * @param peerMicros the peer's median CPU time per call
   * @param ratio the median over pairs of rounds of the ratio of the peer's time to Bulwark's
   *     (above 1: Bulwark is faster)
   * @param ratioLow the lower end of the ratio's 95% confidence interval (approximate: the
   *     normal approximation of the ranks; with fewer than about 10 pairs it is the whole
   *     range, and covers less)
   * @param ratioHigh the upper end
   */
  record Row(String caseName, String peer, double bulwarkMicros, double peerMicros,
      double ratio, double ratioLow, double ratioHigh) {

    /** Bulwark's overhead over the peer in percent (negative: Bulwark is faster). */
    double overheadPercent() {
      return (1 / ratio - 1) * 100;
    }

    /** One line of the table under {@link #HEADER}. */
    String format() {
      return String.format(Locale.ROOT,
          "| %s | %s | %.3f | %.3f | %.4f× (%.4f–%.4f) | %+.1f%% |", caseName, peer,
          bulwarkMicros, peerMicros, ratio, ratioLow, ratioHigh, overheadPercent());
    }
  }

  /** The Markdown header matching {@link Row#format}. */
  static final String HEADER = "| Case | Peer | Bulwark µs/call | Peer µs/call"
      + " | Peer/Bulwark, median of round pairs (95% CI) | Bulwark's overhead |\n"
      + "|---|---|---:|---:|---:|---:|";

  private final LongSupplier cpuNanos;
  private long checksum;

  /** Measures by the current thread's CPU time. */
  CpuTimeComparison() {
    this(ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
  }

  /** Measures by {@code cpuNanos}; for tests. */
  CpuTimeComparison(LongSupplier cpuNanos) {
    this.cpuNanos = cpuNanos;
  }

  /**
   * Runs {@code bulwark} and each peer in interleaved rounds.
   *
   * @param caseName what is measured, for the rows
   * @param bulwark Bulwark's contender, the reference of every ratio
   * @param peers the peers
   * @param calls calls per contender per round
   * @param warmUpRounds rounds run first and discarded
   * @param rounds rounds measured (an even number: they are used in pairs)
   * @return one row per peer, in order
   */
  List<Row> compare(String caseName, Contender bulwark, List<Contender> peers, int calls,
      int warmUpRounds, int rounds) {
    if (rounds < 2 || rounds % 2 != 0 || warmUpRounds % 2 != 0) {
      throw new IllegalArgumentException("rounds and warm-up rounds are used in pairs: "
          + rounds + ", " + warmUpRounds);
    }
    List<Row> rows = new ArrayList<>();
    for (Contender peer : peers) {
      rows.add(compare(caseName, bulwark, peer, calls, warmUpRounds, rounds));
    }
    return rows;
  }

  /** Bulwark against one peer: rounds of the two, in an order that reverses every round. */
  private Row compare(String caseName, Contender bulwark, Contender peer, int calls,
      int warmUpRounds, int rounds) {
    List<Contender> both = List.of(bulwark, peer);
    double[][] micros = new double[2][rounds];
    for (int round = -warmUpRounds; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        int c = (round & 1) == 0 ? k : 1 - k;
        long start = cpuNanos.getAsLong();
        checksum += both.get(c).run().applyAsLong(calls);
        long elapsed = cpuNanos.getAsLong() - start;
        if (round >= 0) {
          micros[c][round] = elapsed / (calls * 1e3);
        }
      }
    }
    int pairs = rounds / 2;
    double[] ratios = new double[pairs];
    for (int pair = 0; pair < pairs; pair++) {
      ratios[pair] = (micros[1][2 * pair] + micros[1][2 * pair + 1])
          / (micros[0][2 * pair] + micros[0][2 * pair + 1]);
    }
    Arrays.sort(ratios);
    // Distribution-free interval for the median: the order statistics of 1-based ranks
    // n/2 - 0.98 sqrt(n) (rounded down) and 1 + n/2 + 0.98 sqrt(n) (rounded up).
    double half = 0.98 * Math.sqrt(pairs);
    int low = Math.max(1, (int) Math.floor(pairs / 2.0 - half));
    int high = Math.min(pairs, (int) Math.ceil(1 + pairs / 2.0 + half));
    return new Row(caseName, peer.name(), median(micros[0]), median(micros[1]),
        median(ratios), ratios[low - 1], ratios[high - 1]);
  }

  /** The sum of every checksum returned so far; print it so that no call is dead code. */
  long checksum() {
    return checksum;
  }

  /** The median (the mean of the two middle values for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
