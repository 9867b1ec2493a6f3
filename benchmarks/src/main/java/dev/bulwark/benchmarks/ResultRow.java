package dev.bulwark.benchmarks;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One measured benchmark method, ready for the results table.
 *
 * @param benchmarkClass simple name of the benchmark class
 * @param method the {@code @Benchmark} method name
 * @param implementation "Bulwark" or the {@link Peer} name
 * @param peer whether this row measures a peer
 * @param params JMH parameters as {@code name=value} pairs, or "" when none
 * @param mode JMH mode short label ({@code avgt}, {@code thrpt}, ...)
 * @param higherIsBetter true for throughput modes, false for time modes
 * @param score the mean score
 * @param error the half-width of the 99.9% confidence interval, NaN when unknown
 * @param median the median of the measurement iterations
 * @param unit the score unit
 * @param allocBytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm} of JMH's GC
 *     profiler), NaN when the profiler did not run
 */
record ResultRow(
    String benchmarkClass,
    String method,
    String implementation,
    boolean peer,
    String params,
    String mode,
    boolean higherIsBetter,
    double score,
    double error,
    double median,
    String unit,
    double allocBytesPerOp) {

  /** A row measured without the GC profiler. */
  ResultRow(String benchmarkClass, String method, String implementation, boolean peer,
      String params, String mode, boolean higherIsBetter, double score, double error,
      double median, String unit) {
    this(benchmarkClass, method, implementation, peer, params, mode, higherIsBetter, score,
        error, median, unit, Double.NaN);
  }

  ResultRow {
    Objects.requireNonNull(benchmarkClass, "benchmarkClass");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
  }

  /** Rows of one class with equal parameters and mode are compared with each other. */
  String comparisonGroup() {
    return benchmarkClass + '\u0000' + params + '\u0000' + mode;
  }

  /**
   * How many times faster Bulwark is than this row, from the medians: above 1 means Bulwark is
   * faster. Null when the group has no Bulwark row or a median is not positive.
   */
  @Nullable Double bulwarkSpeedup(ResultRow bulwark) {
    if (!(bulwark.median > 0) || !(median > 0)) {
      return null;
    }
    return higherIsBetter ? bulwark.median / median : median / bulwark.median;
  }
}
