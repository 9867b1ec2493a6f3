package dev.bulwark.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import dev.bulwark.benchmarks.CpuTimeComparison.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The comparison's arithmetic, on a fake CPU clock that each contender advances. */
class CpuTimeComparisonTest {

  private long now;

  private IntToLongFunction costing(long nanosPerCall) {
    return calls -> {
      now += calls * nanosPerCall;
      return calls;
    };
  }

  @Test
  void compare_peerTwiceAsSlow_ratioTwoAndPerCallMedians() {
    CpuTimeComparison comparison = new CpuTimeComparison(() -> now);
    List<Row> rows = comparison.compare("case", new Contender("b", costing(100)),
        List.of(new Contender("p", costing(200))), 10, 2, 20);
    Row row = rows.get(0);
    assertThat(row.peer()).isEqualTo("p");
    assertThat(row.caseName()).isEqualTo("case");
    assertThat(row.bulwarkMicros()).isCloseTo(0.1, within(1e-9));
    assertThat(row.peerMicros()).isCloseTo(0.2, within(1e-9));
    assertThat(row.ratio()).isCloseTo(2.0, within(1e-9));
    assertThat(row.overheadPercent()).isCloseTo(-50.0, within(1e-9));
    assertThat(comparison.checksum()).isEqualTo(2 * 22 * 10);
  }

  @Test
  void compare_slowdownForWhoeverRunsSecond_cancelsOverPairs() {
    // Whoever runs second in a round is charged 50 ns more per call: alternating the order and
    // pairing rounds must cancel that, so two equal contenders tie exactly.
    List<String> order = new ArrayList<>();
    CpuTimeComparison comparison = new CpuTimeComparison(() -> now);
    IntToLongFunction first = costing(100);
    Contender a = new Contender("a", calls -> {
      order.add("a");
      now += order.size() % 2 == 0 ? 50L * calls : 0;
      return first.applyAsLong(calls);
    });
    Contender b = new Contender("b", calls -> {
      order.add("b");
      now += order.size() % 2 == 0 ? 50L * calls : 0;
      return first.applyAsLong(calls);
    });
    Row row = comparison.compare("case", a, List.of(b), 10, 0, 40).get(0);
    assertThat(order.subList(0, 4)).containsExactly("a", "b", "b", "a");
    assertThat(row.ratio()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void compare_interval_spansTheMiddleOfTheSortedRatios() {
    long[] peerCost = {100};
    CpuTimeComparison comparison = new CpuTimeComparison(() -> now);
    Contender peer = new Contender("p", calls -> {
      now += calls * peerCost[0];
      peerCost[0] += 1; // each turn slower: ratios spread from 1.00 upwards
      return calls;
    });
    Row row = comparison.compare("case", new Contender("b", costing(100)), List.of(peer), 1, 0,
        200)
        .get(0);
    assertThat(row.ratioLow()).isLessThan(row.ratio());
    assertThat(row.ratioHigh()).isGreaterThan(row.ratio());
    // 100 pairs; pair k (0-based, sorted) has ratio 1.005 + 0.02 k. The median is the mean of
    // k = 49 and 50; the interval is 1-based ranks floor(50 - 9.8) = 40 and ceil(60.8) = 61.
    assertThat(row.ratio()).isCloseTo(1.995, within(1e-9));
    assertThat(row.ratioLow()).isCloseTo(1.785, within(1e-9));
    assertThat(row.ratioHigh()).isCloseTo(2.205, within(1e-9));
  }

  @Test
  void compare_threeContenders_eachPeerInItsOwnRoundsWithBulwark() {
    // Whoever runs right after "j" is charged 50 ns more per call. "o" costs what Bulwark
    // costs and never shares a round with "j", so it must tie exactly.
    List<String> order = new ArrayList<>();
    CpuTimeComparison comparison = new CpuTimeComparison(() -> now);
    IntToLongFunction base = costing(100);
    java.util.function.Function<String, Contender> make = name -> new Contender(name, calls -> {
      boolean afterJ = !order.isEmpty() && order.get(order.size() - 1).equals("j");
      order.add(name);
      now += afterJ ? 50L * calls : 0;
      return base.applyAsLong(calls);
    });
    List<Row> rows = comparison.compare("case", make.apply("b"),
        List.of(make.apply("o"), make.apply("j")), 10, 0, 20);
    assertThat(order.subList(0, 4)).containsExactly("b", "o", "o", "b");
    assertThat(order.subList(40, 44)).containsExactly("b", "j", "j", "b");
    assertThat(rows.get(0).ratio()).isCloseTo(1.0, within(1e-9));
    // With "j": in the reversed rounds j follows itself and b follows j, so both pay once a pair.
    assertThat(rows.get(1).ratio()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void compare_oddRounds_refused() {
    CpuTimeComparison comparison = new CpuTimeComparison(() -> now);
    Contender c = new Contender("c", costing(1));
    assertThatThrownBy(() -> comparison.compare("case", c, List.of(c), 1, 0, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    assertThatThrownBy(() -> comparison.compare("case", c, List.of(c), 1, 1, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
