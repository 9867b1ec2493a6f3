package dev.bulwark.benchmarks;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and writes their results into a Markdown file.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--output docs/benchmarks.md] [JMH options] [regex]
 * </pre>
 *
 * <p>Every option other than {@code --output} is a standard JMH option ({@code -f}, {@code -wi},
 * {@code -i}, {@code -r}, {@code -t}, a benchmark regex, ...), overriding the annotations of the
 * benchmark classes. Sections of classes that were not run are kept in the output file.
 */
public final class BenchmarkRunner {

  static final String DEFAULT_OUTPUT = "docs/benchmarks.md";

  /**
   * The secondary result of JMH's GC profiler ({@code -prof gc}) holding bytes allocated per
   * operation. JMH 1.37 names it without a prefix and prints it as {@code ·gc.alloc.rate.norm};
   * older versions stored the middle dot in the name, which {@link #allocBytesPerOp} accepts
   * too.
   */
  static final String ALLOC_RATE_NORM = "gc.alloc.rate.norm";

  private BenchmarkRunner() {}

  /**
   * Entry point.
   *
   * @param args {@code --output FILE} and JMH options
   * @throws CommandLineOptionException when a JMH option is malformed
   * @throws RunnerException when JMH fails
   * @throws IOException when the output cannot be written
   */
  public static void main(String[] args)
      throws CommandLineOptionException, RunnerException, IOException {
    Path output = Path.of(DEFAULT_OUTPUT);
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--output")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--output needs a file name");
        }
        output = Path.of(args[++i]);
      } else {
        jmhArgs.add(args[i]);
      }
    }
    run(jmhArgs, output);
  }

  static void run(List<String> jmhArgs, Path output)
      throws CommandLineOptionException, RunnerException, IOException {
    Options options = new OptionsBuilder()
        .parent(new CommandLineOptions(jmhArgs.toArray(String[]::new)))
        .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("no benchmark matched " + jmhArgs);
    }

    Map<String, List<ResultRow>> rowsByClass = new LinkedHashMap<>();
    Map<String, BenchmarkParams> paramsByClass = new LinkedHashMap<>();
    Map<String, String> notesByClass = new LinkedHashMap<>();
    for (RunResult result : results) {
      ResultRow row = toRow(result);
      rowsByClass.computeIfAbsent(row.benchmarkClass(), k -> new ArrayList<>()).add(row);
      paramsByClass.putIfAbsent(row.benchmarkClass(), result.getParams());
      notesByClass.computeIfAbsent(row.benchmarkClass(), k -> notes(result.getParams()));
    }
    Map<String, String> sections = new LinkedHashMap<>();
    rowsByClass.forEach((cls, rows) ->
        sections.put(cls, ResultTable.section(cls, rows, runInfo(paramsByClass.get(cls)),
            notesByClass.getOrDefault(cls, ""))));

    String existing = Files.exists(output)
        ? Files.readString(output, StandardCharsets.UTF_8) : "";
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(output, ResultTable.merge(existing, sections, header()),
        StandardCharsets.UTF_8);
    System.out.println("Wrote " + sections.size() + " benchmark section(s) to " + output);
  }

  private static ResultRow toRow(RunResult result) {
    BenchmarkParams params = result.getParams();
    String fqn = params.getBenchmark();
    int dot = fqn.lastIndexOf('.');
    String className = fqn.substring(0, dot);
    String method = fqn.substring(dot + 1);
    Peer peer = findPeer(className, method);
    StringBuilder paramText = new StringBuilder();
    for (String key : params.getParamsKeys()) {
      if (paramText.length() > 0) {
        paramText.append(", ");
      }
      paramText.append(key).append('=').append(params.getParam(key));
    }
    Result<?> primary = result.getPrimaryResult();
    return new ResultRow(
        className.substring(className.lastIndexOf('.') + 1),
        method,
        peer == null ? "Bulwark" : peer.value(),
        peer != null,
        paramText.toString(),
        params.getMode().shortLabel(),
        params.getMode() == Mode.Throughput,
        primary.getScore(),
        primary.getScoreError(),
        primary.getStatistics().getPercentile(50.0),
        primary.getScoreUnit(),
        allocBytesPerOp(result.getSecondaryResults()));
  }

  /** Bytes per operation from the GC profiler, NaN when it did not run. */
  static double allocBytesPerOp(Map<String, ?> secondary) {
    Object alloc = secondary.get(ALLOC_RATE_NORM);
    if (alloc == null) {
      alloc = secondary.get("\u00b7" + ALLOC_RATE_NORM);
    }
    return alloc instanceof Result<?> result ? result.getScore() : Double.NaN;
  }

  private static String notes(BenchmarkParams params) {
    String fqn = params.getBenchmark();
    BenchmarkDescription description =
        loadClass(fqn.substring(0, fqn.lastIndexOf('.'))).getAnnotation(BenchmarkDescription.class);
    return description == null ? "" : String.join("\n", description.value());
  }

  private static Class<?> loadClass(String className) {
    try {
      return Class.forName(className, false, BenchmarkRunner.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("benchmark class not on the class path: " + className, e);
    }
  }

  private static Peer findPeer(String className, String method) {
    return Arrays.stream(loadClass(className).getMethods())
        .filter(m -> m.getName().equals(method))
        .map((Method m) -> m.getAnnotation(Peer.class))
        .filter(p -> p != null)
        .findFirst()
        .orElse(null);
  }

  private static String runInfo(BenchmarkParams p) {
    return String.format(java.util.Locale.ROOT,
        "Measured %s with JMH %s on JDK %s (%s), %d CPUs; forks %d, warm-up %d × %s,"
            + " measurement %d × %s, threads %d.",
        LocalDate.now(ZoneOffset.UTC), p.getJmhVersion(), p.getJdkVersion(), p.getVmName(), Runtime.getRuntime().availableProcessors(),
        p.getForks(), p.getWarmup().getCount(), p.getWarmup().getTime(),
        p.getMeasurement().getCount(), p.getMeasurement().getTime(), p.getThreads());
  }

  private static String header() {
    return String.join("\n",
        "# Benchmarks",
        "",
        "Generated by `benchmarks/run` (see CONTRIBUTING.md); do not edit the tables by hand.",
        "Each section measures one operation in Bulwark and in the peer a user would pick",
        "instead, on the same JVM and machine. *Score* is JMH's mean with its 99.9% confidence",
        "interval; *Bulwark speed-up* compares medians: above 1.00 Bulwark is faster than that",
        "row, below 1.00 it is slower. Figures from a shared 2-core machine are noisy: read",
        "ratios, not absolute numbers, and rerun before drawing conclusions.");
  }
}
