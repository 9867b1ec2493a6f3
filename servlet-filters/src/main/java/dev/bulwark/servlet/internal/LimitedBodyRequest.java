package dev.bulwark.servlet.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body stream counts the bytes read and throws {@link TooLarge} on the read
 * that would pass the limit, so the application never sees more than the limit.
 */
public final class LimitedBodyRequest extends HttpServletRequestWrapper {

  private final long limit;
  /**
   * Bytes read so far, kept here and shared by every stream view, so calling
   * getInputStream() again cannot reset the count.
   */
  private long count;
  private @Nullable BufferedReader reader;

  /**
   * Wraps {@code request}.
   *
   * @param request the request
   * @param limit the most bytes the body may hold
   */
  public LimitedBodyRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    return new CountingInputStream(super.getInputStream());
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (reader == null) {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) { // illegal or unsupported name
        throw new UnsupportedEncodingException(encoding);
      }
      reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
    return reader;
  }

  /** Thrown by a read that would take the body past the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
    }

    /**
     * Tells whether {@code e} is, or was caused by, a {@link TooLarge}.
     *
     * @param e a throwable from the application
     * @return true when the body limit was hit
     */
    public static boolean isCause(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TooLarge) {
          return true;
        }
      }
      return false;
    }
  }

  private final class CountingInputStream extends ServletInputStream {
    private final ServletInputStream in;

    CountingInputStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
