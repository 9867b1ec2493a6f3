package dev.bulwark.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

class ResultTableTest {

  private static ResultRow row(String cls, String method, String impl, boolean peer,
      String mode, boolean higherIsBetter, double median) {
    return new ResultRow(cls, method, impl, peer, "", mode, higherIsBetter,
        median, 0.5, median, "ns/op");
  }

  @Test
  void section_timeMode_ratioIsPeerOverBulwark() {
    String s = ResultTable.section("X", List.of(
        row("X", "ours", "Bulwark", false, "avgt", false, 10),
        row("X", "theirs", "Peer 1.0", true, "avgt", false, 25)), "info");
    assertThat(s).contains("| ours | **Bulwark** | — | avgt | 10.000 | ± 0.5000 | 10.000 | ns/op"
        + " | 1.00 (baseline) |");
    assertThat(s).contains("| theirs | Peer 1.0 | — | avgt | 25.000 | ± 0.5000 | 25.000 | ns/op"
        + " | 2.50× |");
  }

  @Test
  void section_throughputMode_ratioIsBulwarkOverPeer() {
    String s = ResultTable.section("X", List.of(
        row("X", "ours", "Bulwark", false, "thrpt", true, 300),
        row("X", "theirs", "Peer", true, "thrpt", true, 1200)), "info");
    assertThat(s).contains("| 0.25× |");
  }

  @Test
  void section_peerWithoutBulwarkRow_saysSo() {
    String s = ResultTable.section("X", List.of(
        row("X", "theirs", "Peer", true, "avgt", false, 3)), "info");
    assertThat(s).contains("n/a (no Bulwark row)");
  }

  @Test
  void section_differentParams_areComparedSeparately() {
    ResultRow a = new ResultRow("X", "ours", "Bulwark", false, "n=1", "avgt", false, 1, 0, 1, "ns/op");
    ResultRow b = new ResultRow("X", "ours", "Bulwark", false, "n=2", "avgt", false, 4, 0, 4, "ns/op");
    ResultRow p = new ResultRow("X", "peer", "P", true, "n=2", "avgt", false, 8, 0, 8, "ns/op");
    String s = ResultTable.section("X", List.of(a, b, p), "info");
    assertThat(s).contains("| peer | P | n=2 | avgt | 8.000 | ± 0.000 | 8.000 | ns/op | 2.00× |");
  }

  @Test
  void section_nonPositiveMedian_hasNoRatio() {
    String s = ResultTable.section("X", List.of(
        row("X", "ours", "Bulwark", false, "avgt", false, 0),
        row("X", "theirs", "Peer", true, "avgt", false, 5)), "info");
    assertThat(s).contains("| ns/op | n/a |");
  }

  @Test
  void merge_keepsSectionsNotRerun_andReplacesRerunOnes() {
    String first = ResultTable.merge("", Map.of(
        "Alpha", ResultTable.section("Alpha", List.of(row("Alpha", "a", "Bulwark", false, "avgt", false, 1)), "old"),
        "Beta", ResultTable.section("Beta", List.of(row("Beta", "b", "Bulwark", false, "avgt", false, 2)), "old")),
        "# H");
    String second = ResultTable.merge(first, Map.of(
        "Beta", ResultTable.section("Beta", List.of(row("Beta", "b2", "Bulwark", false, "avgt", false, 3)), "new")),
        "# H2");
    assertThat(second).startsWith(ResultTable.HEADER_START + "\n# H2\n");
    assertThat(second).doesNotContain("# H\n");
    assertThat(second).contains("| a | **Bulwark**");
    assertThat(second).contains("| b2 | **Bulwark**").doesNotContain("| b | **Bulwark**");
    assertThat(second.indexOf("### Alpha")).isLessThan(second.indexOf("### Beta"));
    assertThat(second.split("### Beta", -1)).hasSize(2);
  }

  @Test
  void merge_fileWithoutMarkers_isReplacedByFreshSections() {
    String merged = ResultTable.merge("# something hand-written\n", Map.of(
        "A", ResultTable.section("A", List.of(row("A", "a", "Bulwark", false, "avgt", false, 1)), "i")),
        "# H");
    assertThat(merged).doesNotContain("hand-written").contains("### A");
  }

  private static ResultRow allocRow(String method, boolean peer, double median, double alloc) {
    return new ResultRow("X", method, peer ? "Peer" : "Bulwark", peer, "", "thrpt", true,
        median, 0.5, median, "ops/us", alloc);
  }

  @Test
  void section_withoutAllocationFigures_hasNoAllocColumn() {
    String s = ResultTable.section("X", List.of(
        row("X", "ours", "Bulwark", false, "avgt", false, 10)), "info");
    assertThat(s).doesNotContain("Alloc (B/op)");
    assertThat(s).contains("| Units | Bulwark speed-up |\n|---|---|---|---|---:|---:|---:|---|---:|\n");
  }

  @Test
  void section_withAllocationFigures_addsAllocColumnToEveryRow() {
    String s = ResultTable.section("X", List.of(
        allocRow("ours", false, 20, 0.0012),
        allocRow("theirs", true, 10, 1234.56)), "info");
    assertThat(s).contains("| Units | Bulwark speed-up | Alloc (B/op) |\n"
        + "|---|---|---|---|---:|---:|---:|---|---:|---:|\n");
    assertThat(s).contains("| ours | **Bulwark** | — | thrpt | 20.000 | ± 0.5000 | 20.000 | ops/us"
        + " | 1.00 (baseline) | 0.0 |\n");
    assertThat(s).contains("| theirs | Peer | — | thrpt | 10.000 | ± 0.5000 | 10.000 | ops/us"
        + " | 2.00× | 1234.6 |\n");
  }

  @Test
  void section_rowWithoutAllocationAmongRowsWithIt_showsDash() {
    String s = ResultTable.section("X", List.of(
        allocRow("ours", false, 20, 48),
        allocRow("theirs", true, 10, Double.NaN)), "info");
    assertThat(s).contains("| 1.00 (baseline) | 48.0 |\n").contains("| 2.00× | — |\n");
  }

  @Test
  void section_notes_followTheTableInsideTheMarkers_andSurviveMerge() {
    String s = ResultTable.section("X", List.of(allocRow("ours", false, 1, 0)), "info",
        "First paragraph.\n\nSecond.");
    assertThat(s).endsWith("| 0.0 |\n\nFirst paragraph.\n\nSecond.\n<!-- /bulwark-benchmark:X -->\n");
    String merged = ResultTable.merge(ResultTable.merge("", Map.of("X", s), "# H"), Map.of(), "# H");
    assertThat(merged).contains("First paragraph.\n\nSecond.\n<!-- /bulwark-benchmark:X -->");
  }

  @Test
  void section_blankNotes_addNothing() {
    assertThat(ResultTable.section("X", List.of(allocRow("ours", false, 1, 0)), "info", " "))
        .isEqualTo(ResultTable.section("X", List.of(allocRow("ours", false, 1, 0)), "info"));
  }

  @Test
  void allocBytesPerOp_readsGcProfilerKey_withOrWithoutMiddleDot() {
    Result<?> alloc = new ScalarResult("gc.alloc.rate.norm", 48.0, "B/op", AggregationPolicy.AVG);
    assertThat(BenchmarkRunner.allocBytesPerOp(Map.of("gc.alloc.rate.norm", alloc)))
        .isEqualTo(48.0);
    assertThat(BenchmarkRunner.allocBytesPerOp(Map.of("\u00b7gc.alloc.rate.norm", alloc)))
        .isEqualTo(48.0);
  }

  @Test
  void allocBytesPerOp_withoutGcProfiler_isNaN() {
    Result<?> rate = new ScalarResult("gc.alloc.rate", 900.0, "MB/sec", AggregationPolicy.AVG);
    assertThat(BenchmarkRunner.allocBytesPerOp(Map.of("gc.alloc.rate", rate))).isNaN();
    assertThat(BenchmarkRunner.allocBytesPerOp(Map.of())).isNaN();
  }

  @Test
  void number_formatsMagnitudesReadably() {
    assertThat(ResultTable.number(1234567.89)).isEqualTo("1,234,568");
    assertThat(ResultTable.number(12.3456)).isEqualTo("12.346");
    assertThat(ResultTable.number(0.000123456)).isEqualTo("0.0001235");
    assertThat(ResultTable.number(0)).isEqualTo("0.000");
    assertThat(ResultTable.number(Double.NaN)).isEqualTo("—");
  }
}
