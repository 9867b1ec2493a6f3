package dev.bulwark.benchmarks;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Spring's mock response with one change: its output stream takes a {@code byte[]} in one
 * call. The stock mock stream only overrides {@code write(int)}, and flushes and re-checks the
 * commit state after every byte, so an implementation that writes a longer error body (Bulwark's
 * 403 problem body is about 110 bytes, Spring's 20, Tomcat writes none) would be charged for
 * the mock's per-byte loop, which no real container has. Everything else (headers, status,
 * commit on flush) is the mock's own behaviour. The body is kept in a reused buffer and
 * discarded at {@link #reset()}.
 */
final class BulkWriteMockResponse extends MockHttpServletResponse {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
  private final ServletOutputStream stream = new ServletOutputStream() {
    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      body.write(b, off, len);
    }

    @Override
    public void flush() {
      setCommitted(true);
    }

    @Override
    public void close() {
      setCommitted(true);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("blocking mock stream");
    }
  };

  @Override
  public ServletOutputStream getOutputStream() {
    return stream;
  }

  @Override
  public void reset() {
    super.reset();
    body.reset();
  }

  /** Bytes written to the body since the last {@link #reset()}. */
  int bodyLength() {
    return body.size();
  }
}
