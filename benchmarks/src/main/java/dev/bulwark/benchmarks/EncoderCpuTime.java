package dev.bulwark.benchmarks;

import dev.bulwark.benchmarks.CpuTimeComparison.Contender;
import dev.bulwark.benchmarks.CpuTimeComparison.Row;
import dev.bulwark.encode.Encoders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.owasp.encoder.Encode;

/**
 * The {@link EncoderBenchmark} comparison measured by {@link CpuTimeComparison}: each Bulwark
 * encoder against OWASP's {@code Encode} method for the same context, on the same clean and
 * dirty values, in interleaved rounds on one thread. Prints a Markdown table. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.bulwark.benchmarks.EncoderCpuTime
 * [rounds] [--jvms N]} (default 300 rounds of 20,000 calls each, after 40 warm-up rounds, in
 * this JVM; see {@link CpuTimeRuns}). Each case also has a control row, the same OWASP call in
 * a second loop in Bulwark's place: the code is identical, so the control's ratio shows how
 * far this harness can tell apart calls of a few tens of nanoseconds.
 */
public final class EncoderCpuTime {

  private EncoderCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code [rounds] [--jvms N]}
   * @throws IOException if a child JVM cannot be started or read
   * @throws InterruptedException if interrupted while waiting for a child JVM
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    CpuTimeRuns.main(EncoderCpuTime.class, args, 300, EncoderCpuTime::measure);
  }

  private static List<Row> measure(int rounds) {
    CpuTimeComparison comparison = new CpuTimeComparison();
    List<Row> rows = new ArrayList<>();
    for (String context : new String[] {"htmlContent", "htmlAttribute", "javaScript",
        "uriComponent"}) {
      for (String input : new String[] {"clean", "dirty"}) {
        EncoderBenchmark state = new EncoderBenchmark();
        state.context = context;
        state.input = input;
        state.setUp(); // also checks that clean values are returned as they are
        String v = state.value();
        // Each loop is a lambda of its own that calls one encoder directly, as an application
        // does: a loop shared by the contexts through a dispatching method (such as
        // EncoderBenchmark.bulwark()) is compiled once for all of them, and whether the JIT
        // then inlines that method into the loop depended on when it was compiled, which
        // moved single rows by 1-4%.
        Contender bulwark = new Contender("Bulwark Encoders", switch (context) {
          case "htmlContent" -> n -> {
            long sum = 0;
            for (int i = 0; i < n; i++) {
              sum += Encoders.forHtmlContent(v).length();
            }
            return sum;
          };
          case "htmlAttribute" -> n -> {
            long sum = 0;
            for (int i = 0; i < n; i++) {
              sum += Encoders.forHtmlAttribute(v).length();
            }
            return sum;
          };
          case "javaScript" -> n -> {
            long sum = 0;
            for (int i = 0; i < n; i++) {
              sum += Encoders.forJavaScriptString(v).length();
            }
            return sum;
          };
          default -> n -> {
            long sum = 0;
            for (int i = 0; i < n; i++) {
              sum += Encoders.forUriComponent(v).length();
            }
            return sum;
          };
        });
        Contender owasp = new Contender("OWASP Encode", owaspLoop(context, v));
        // The control: the very same OWASP call in a loop of its own, in Bulwark's place. Its
        // code is identical to the peer's, so whatever it shows is the harness's own
        // resolution (where the JIT happens to place each loop), not a cost.
        Contender control = new Contender("OWASP Encode again", owaspControlLoop(context, v));
        String caseName = "context=" + context + ", input=" + input;
        rows.addAll(comparison.compare(caseName, bulwark, List.of(owasp), 20_000, 40, rounds));
        rows.addAll(comparison.compare(caseName + " (control: OWASP in Bulwark's place)",
            control, List.of(owasp), 20_000, 40, rounds));
      }
    }
    System.err.println("(checksum " + comparison.checksum() + ")");
    return rows;
  }

  private static IntToLongFunction owaspLoop(String context, String v) {
    return switch (context) {
      case "htmlContent" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forHtmlContent(v).length();
        }
        return sum;
      };
      case "htmlAttribute" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forHtmlAttribute(v).length();
        }
        return sum;
      };
      case "javaScript" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forJavaScript(v).length();
        }
        return sum;
      };
      default -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forUriComponent(v).length();
        }
        return sum;
      };
    };
  }

  /** {@link #owaspLoop}'s loops written again, so that each is compiled on its own. */
  private static IntToLongFunction owaspControlLoop(String context, String v) {
    return switch (context) {
      case "htmlContent" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forHtmlContent(v).length();
        }
        return sum;
      };
      case "htmlAttribute" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forHtmlAttribute(v).length();
        }
        return sum;
      };
      case "javaScript" -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forJavaScript(v).length();
        }
        return sum;
      };
      default -> n -> {
        long sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Encode.forUriComponent(v).length();
        }
        return sum;
      };
    };
  }
}
