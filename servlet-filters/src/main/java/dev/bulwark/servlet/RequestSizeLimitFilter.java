package dev.bulwark.servlet;

import dev.bulwark.servlet.internal.InitParams;
import dev.bulwark.servlet.internal.LimitedBodyRequest;
import dev.bulwark.servlet.internal.ProblemResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Caps the request body at the HTTP edge, so the input-size limits of Bulwark's sanitizer and
 * validators (and the application's own) are enforced before the application buffers a body.
 *
 * <ul>
 *   <li>A request whose {@code Content-Length} is above the limit is answered 413 with an
 *       {@code application/problem+json} body and {@code Connection: close}, without reading
 *       the body or calling the application.</li>
 *   <li>A body without a declared length (chunked) is counted as the application reads it
 *       through {@link ServletRequest#getInputStream()} or {@link ServletRequest#getReader()}:
 *       the read that would pass the limit throws a {@link LimitedBodyRequest.TooLarge}
 *       {@link IOException} instead of returning the bytes, and, if that exception leaves the
 *       application and the response is not yet committed, the filter answers 413. The same
 *       holds for a body read asynchronously with a {@code ReadListener}: when a read passes
 *       the limit, the filter answers 413 (if nothing was sent yet) and completes the
 *       asynchronous request, whatever the application's listener does with the exception;
 *       the listener is not called again.</li>
 * </ul>
 *
 * <p>Form parameters ({@code getParameter}) and multipart parts are decoded by the container
 * from its own stream: for those, a declared length is checked here, and a chunked body is
 * bounded by the container's own limit (Tomcat {@code maxPostSize}, Jetty
 * {@code maxFormContentSize}, the servlet's {@code multipart-config}).
 *
 * <p>Configure it in code ({@code new RequestSizeLimitFilter(1_048_576)}) or with the
 * init-param {@code max-body-bytes} (a positive whole number of bytes), checked at
 * {@code init()}. Thread-safe once initialised.
 */
public final class RequestSizeLimitFilter implements Filter {

  /** The init-param holding the limit in bytes. */
  public static final String MAX_BODY_BYTES = "max-body-bytes";

  private long maxBodyBytes;

  /** For containers: configure with the {@value #MAX_BODY_BYTES} init-param. */
  public RequestSizeLimitFilter() {}

  /**
   * Configures the filter in code; init-params are then ignored.
   *
   * @param maxBodyBytes the largest body accepted, in bytes, at least 1
   * @throws IllegalArgumentException if {@code maxBodyBytes} is not positive
   */
  public RequestSizeLimitFilter(long maxBodyBytes) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException(MAX_BODY_BYTES + " is " + maxBodyBytes
          + "; use a positive number of bytes such as 1048576");
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (maxBodyBytes > 0) {
      return;
    }
    InitParams params = new InitParams(config, Set.of(MAX_BODY_BYTES));
    String value = params.all().get(MAX_BODY_BYTES);
    long parsed = -1;
    if (value != null && value.strip().length() <= 18 && value.strip().matches("[0-9]+")) {
      parsed = Long.parseLong(value.strip());
    }
    if (parsed < 1) {
      throw params.invalid(new IllegalArgumentException(MAX_BODY_BYTES + " is "
          + (value == null ? "missing" : "'" + value + "'")
          + "; set it to a positive number of bytes such as 1048576"));
    }
    maxBodyBytes = parsed;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (maxBodyBytes < 1) {
      throw new IllegalStateException("RequestSizeLimitFilter used before init()");
    }
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      tooLarge(response);
      return;
    }
    LimitedBodyRequest.Refusal refusal = () -> {
      if (!response.isCommitted()) {
        response.resetBuffer();
        tooLarge(response);
      }
    };
    try {
      chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes,
          limited -> request.startAsync(limited, response), refusal), response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!LimitedBodyRequest.TooLarge.isCause(e) || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      tooLarge(response);
    }
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    ProblemResponse.send(response, 413, "Content Too Large",
        "The request body is larger than the limit of " + maxBodyBytes + " bytes.");
  }

  @Override
  public String toString() {
    return "RequestSizeLimitFilter[max-body-bytes=" + maxBodyBytes + "]";
  }
}
