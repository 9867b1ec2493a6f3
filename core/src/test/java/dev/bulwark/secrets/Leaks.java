package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Assertions that a value appears nowhere a throwable could print it. */
final class Leaks {

  private Leaks() {}

  /** Checks the message, toString and full stack-trace print-out of {@code t} and its causes. */
  static void assertNoValue(Throwable t, String value) {
    StringWriter printed = new StringWriter();
    t.printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString()).doesNotContain(value);
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain(value);
      assertThat(c.toString()).doesNotContain(value);
    }
  }
}
