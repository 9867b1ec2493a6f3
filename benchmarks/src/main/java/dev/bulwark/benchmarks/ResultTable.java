package dev.bulwark.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders benchmark rows as Markdown sections, one per benchmark class, and merges them into an
 * existing {@code docs/benchmarks.md}: a section is replaced only when its class was run again,
 * so running a subset of the benchmarks keeps the other results.
 */
final class ResultTable {

  static final String HEADER_START = "<!-- bulwark-benchmarks:header -->";
  static final String HEADER_END = "<!-- /bulwark-benchmarks:header -->";
  private static final Pattern SECTION = Pattern.compile(
      "<!-- bulwark-benchmark:(\\w+) -->\\n.*?<!-- /bulwark-benchmark:\\1 -->\\n",
      Pattern.DOTALL);

  private ResultTable() {}

  /** Renders the section of one benchmark class, without notes. */
  static String section(String benchmarkClass, List<ResultRow> rows, String runInfo) {
    return section(benchmarkClass, rows, runInfo, "");
  }

  /**
   * Renders the section of one benchmark class: run information, the table, then
   * {@code notes} (Markdown from the class's {@link BenchmarkDescription}; "" for none). The
   * table has an <i>Alloc (B/op)</i> column when any row carries an allocation figure.
   */
  static String section(String benchmarkClass, List<ResultRow> rows, String runInfo,
      String notes) {
    boolean alloc = rows.stream().anyMatch(r -> !Double.isNaN(r.allocBytesPerOp()));
    Map<String, ResultRow> bulwarkByGroup = new LinkedHashMap<>();
    for (ResultRow row : rows) {
      if (!row.peer()) {
        bulwarkByGroup.putIfAbsent(row.comparisonGroup(), row);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("<!-- bulwark-benchmark:").append(benchmarkClass).append(" -->\n");
    out.append("### ").append(benchmarkClass).append("\n\n");
    out.append(runInfo).append("\n\n");
    out.append("| Benchmark | Implementation | Params | Mode | Score | Error (99.9%) | Median"
        + " | Units | Bulwark speed-up |").append(alloc ? " Alloc (B/op) |\n" : "\n");
    out.append("|---|---|---|---|---:|---:|---:|---|---:|").append(alloc ? "---:|\n" : "\n");
    for (ResultRow row : rows) {
      ResultRow bulwark = bulwarkByGroup.get(row.comparisonGroup());
      String ratio;
      if (bulwark == null) {
        ratio = "n/a (no Bulwark row)";
      } else if (bulwark == row) {
        ratio = "1.00 (baseline)";
      } else {
        Double speedup = row.bulwarkSpeedup(bulwark);
        ratio = speedup == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", speedup);
      }
      out.append("| ").append(row.method())
          .append(" | ").append(row.peer() ? row.implementation() : "**Bulwark**")
          .append(" | ").append(row.params().isEmpty() ? "—" : row.params())
          .append(" | ").append(row.mode())
          .append(" | ").append(number(row.score()))
          .append(" | ").append(Double.isNaN(row.error()) ? "—" : "± " + number(row.error()))
          .append(" | ").append(number(row.median()))
          .append(" | ").append(row.unit())
          .append(" | ").append(ratio)
          .append(" |");
      if (alloc) {
        out.append(' ').append(bytes(row.allocBytesPerOp())).append(" |");
      }
      out.append('\n');
    }
    if (!notes.isBlank()) {
      out.append('\n').append(notes.strip()).append('\n');
    }
    out.append("<!-- /bulwark-benchmark:").append(benchmarkClass).append(" -->\n");
    return out.toString();
  }

  /**
   * Merges freshly rendered sections into {@code existing} (the current file content, possibly
   * empty): sections of re-run classes are replaced, others kept, and the result is sorted by
   * class name under {@code header}.
   */
  static String merge(String existing, Map<String, String> freshSections, String header) {
    Map<String, String> sections = new TreeMap<>();
    Matcher m = SECTION.matcher(existing);
    while (m.find()) {
      sections.put(m.group(1), m.group());
    }
    sections.putAll(freshSections);
    StringBuilder out = new StringBuilder();
    out.append(HEADER_START).append('\n').append(header).append('\n').append(HEADER_END)
        .append("\n\n");
    List<String> bodies = new ArrayList<>(sections.values());
    for (int i = 0; i < bodies.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(bodies.get(i));
    }
    return out.toString();
  }

  /**
   * Bytes per operation with one decimal: JMH's figure is an average over many operations, so
   * a path that never allocates shows as a small fraction from the harness, e.g. {@code 0.0}.
   */
  static String bytes(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** Four significant digits, no exponent for ordinary magnitudes, locale-independent. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    double abs = Math.abs(value);
    if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 1 || abs == 0) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
