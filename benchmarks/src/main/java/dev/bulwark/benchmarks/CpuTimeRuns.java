package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The command line of the {@link CpuTimeComparison} programs: {@code [rounds] [--jvms N]}.
 *
 * <p>With {@code --jvms N} (N above 1) the measurement runs in N fresh JVMs, one after the
 * other, and the table shows, per row, the median over the JVMs of each one's ratio, with the
 * lowest and highest. That is the figure to quote: where the JIT places a hot loop differs from
 * one JVM to the next and can move a ratio by several per cent either way, consistently within
 * that JVM, so one JVM's tight interval is not the whole story.
 */
final class CpuTimeRuns {

  private static final String CHILD = "--child";
  private static final String ROW = "ROW\t";

  private CpuTimeRuns() {}

  /**
   * Parses {@code args}, measures and prints a Markdown table.
   *
   * @param main the class whose {@code main} calls this, started again in each child JVM
   * @param args the program's arguments
   * @param defaultRounds rounds per JVM when {@code args} names none
   * @param measure measures in this JVM with the given number of rounds
   * @throws IOException if a child JVM cannot be started or read
   * @throws InterruptedException if interrupted while waiting for a child JVM
   */
  static void main(Class<?> main, String[] args, int defaultRounds,
      IntFunction<List<Row>> measure) throws IOException, InterruptedException {
    int rounds = defaultRounds;
    int jvms = 1;
    boolean child = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jvms" -> jvms = Integer.parseInt(args[++i]);
        case CHILD -> child = true;
        default -> rounds = Integer.parseInt(args[i]);
      }
    }
    if (child) {
      for (Row row : measure.apply(rounds)) {
        System.out.println(ROW + String.join("\t", row.caseName(), row.peer(),
            Double.toString(row.bulwarkMicros()), Double.toString(row.peerMicros()),
            Double.toString(row.ratio()), Double.toString(row.ratioLow()),
            Double.toString(row.ratioHigh())));
      }
      return;
    }
    if (jvms <= 1) {
      System.out.println(CpuTimeComparison.HEADER);
      measure.apply(rounds).forEach(row -> System.out.println(row.format()));
      return;
    }
    Map<String, List<Row>> byRow = new LinkedHashMap<>();
    for (int jvm = 1; jvm <= jvms; jvm++) {
      System.err.println("JVM " + jvm + " of " + jvms);
      for (Row row : runChild(main, rounds)) {
        byRow.computeIfAbsent(row.caseName() + "\t" + row.peer(), k -> new ArrayList<>())
            .add(row);
      }
    }
    System.out.println("| Case | Peer | JVMs | Bulwark µs/call | Peer µs/call"
        + " | Peer/Bulwark, median over JVMs (lowest–highest JVM) | Bulwark's overhead |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (List<Row> rows : byRow.values()) {
      double[] ratios = rows.stream().mapToDouble(Row::ratio).sorted().toArray();
      double ratio = CpuTimeComparison.median(ratios);
      System.out.println(String.format(Locale.ROOT,
          "| %s | %s | %d | %.3f | %.3f | %.4f× (%.4f–%.4f) | %+.1f%% |",
          rows.get(0).caseName(), rows.get(0).peer(), rows.size(),
          CpuTimeComparison.median(rows.stream().mapToDouble(Row::bulwarkMicros).toArray()),
          CpuTimeComparison.median(rows.stream().mapToDouble(Row::peerMicros).toArray()),
          ratio, ratios[0], ratios[ratios.length - 1], (1 / ratio - 1) * 100));
    }
  }

  private static List<Row> runChild(Class<?> main, int rounds)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        main.getName(), Integer.toString(rounds), CHILD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<Row> rows = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ROW)) {
          String[] f = line.substring(ROW.length()).split("\t", -1);
          rows.add(new Row(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
              Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(main.getName() + " child JVM exited with " + exit);
    }
    return rows;
  }
}
