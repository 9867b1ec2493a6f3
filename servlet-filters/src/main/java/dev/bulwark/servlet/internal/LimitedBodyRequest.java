package dev.bulwark.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
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
 *
 * <p>Asynchronous reads ({@link ServletInputStream#setReadListener}) end outside the filter's
 * {@code doFilter}, so the filter cannot catch the exception there. The application's
 * listener is wrapped instead: when the limit is passed, whether the {@link TooLarge} leaves
 * the application's {@code onDataAvailable}, is caught by it, or reaches {@code onError},
 * the {@link Refusal} answers (413) if the response is not committed yet, the asynchronous
 * request is completed, and the application's listener is not called again.
 */
public final class LimitedBodyRequest extends HttpServletRequestWrapper {

  private final AsyncStarter asyncStarter;
  private final long limit;
  private final Refusal refusal;
  private boolean exceeded;
  private boolean refused;
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
   * @param asyncStarter starts asynchronous processing with this request and the response
   *     that goes with it down the chain
   * @param refusal answers the client when an asynchronous read passes the limit
   */
  public LimitedBodyRequest(HttpServletRequest request, long limit, AsyncStarter asyncStarter,
      Refusal refusal) {
    super(request);
    this.asyncStarter = asyncStarter;
    this.limit = limit;
    this.refusal = refusal;
  }

  /** Starts asynchronous processing with the given (limited) request. */
  @FunctionalInterface
  public interface AsyncStarter {
    /**
     * Starts it, as {@code request.startAsync(limited, response)} on the wrapped request.
     *
     * @param limited the limited request
     * @return the asynchronous context
     */
    AsyncContext start(ServletRequest limited);
  }

  /** Answers the client that the body is too large, if the response is not committed yet. */
  @FunctionalInterface
  public interface Refusal {
    /**
     * Writes the refusal.
     *
     * @throws IOException if writing fails
     */
    void refuse() throws IOException;
  }

  /**
   * Starts asynchronous processing with this request, not the container's own: a plain
   * {@code startAsync()} would give {@code AsyncContext.getRequest()} the unwrapped request,
   * whose body stream has no limit.
   */
  @Override
  public AsyncContext startAsync() {
    return asyncStarter.start(this);
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
        exceeded = true;
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
      in.setReadListener(new LimitingListener(listener));
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Refuses once (413 if nothing was sent yet), then ends the asynchronous request. */
  private void refuseAsync() throws IOException {
    if (refused) {
      return;
    }
    refused = true;
    try {
      refusal.refuse();
    } finally {
      if (isAsyncStarted()) {
        getAsyncContext().complete();
      }
    }
  }

  /** The application's listener, cut off when the limit is passed. */
  private final class LimitingListener implements ReadListener {
    private final ReadListener application;

    LimitingListener(ReadListener application) {
      this.application = application;
    }

    @Override
    public void onDataAvailable() throws IOException {
      if (refused) {
        return;
      }
      try {
        application.onDataAvailable();
      } catch (IOException | RuntimeException e) {
        if (!TooLarge.isCause(e)) {
          throw e;
        }
      }
      if (exceeded) { // thrown out of the application, or caught by it: refuse either way
        refuseAsync();
      }
    }

    @Override
    public void onAllDataRead() throws IOException {
      if (!refused) {
        application.onAllDataRead();
      }
    }

    @Override
    public void onError(Throwable t) {
      if (refused) {
        return;
      }
      if (exceeded || TooLarge.isCause(t)) {
        try {
          refuseAsync();
        } catch (IOException e) {
          application.onError(e); // the refusal could not be written: the connection is gone
        }
        return;
      }
      application.onError(t);
    }
  }
}
