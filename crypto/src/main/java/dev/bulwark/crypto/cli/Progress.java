package dev.bulwark.crypto.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar on stderr, redrawn in place when the percentage changes; used only on a
 * terminal and when the input size is known.
 */
final class Progress extends FilterInputStream {

  private static final int WIDTH = 30;
  private static final long MIB = 1024 * 1024;

  private final PrintStream err;
  private final long total;
  private long done;
  private int shown = -1;

  Progress(InputStream in, PrintStream err, long total) {
    super(in);
    this.err = err;
    this.total = total;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b != -1) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    done += n;
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent != shown) {
      shown = percent;
      int filled = percent * WIDTH / 100;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
          + done / MIB + " / " + total / MIB + " MiB");
      err.flush();
    }
  }

  /** Ends the bar's line. */
  void finish() {
    if (shown >= 0) {
      err.println();
    }
  }
}
