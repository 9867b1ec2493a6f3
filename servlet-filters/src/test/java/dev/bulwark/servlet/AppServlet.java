package dev.bulwark.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application behind the filter: answers every method (OPTIONS included, unlike
 * {@link HttpServlet}'s defaults) with 200 and the body {@code app}. When the request carries
 * {@value #APP_VARY}, it calls {@code setHeader("Vary", value)}, the way an application that
 * knows nothing of CORS overwrites {@code Vary}.
 */
final class AppServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Test-only request header: the {@code Vary} value the application sets. */
  static final String APP_VARY = "X-Test-App-Vary";

  static final String BODY = "app";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String vary = request.getHeader(APP_VARY);
    if (vary != null) {
      response.setHeader("Vary", vary);
    }
    byte[] body = BODY.getBytes(StandardCharsets.US_ASCII);
    response.setStatus(200);
    response.setContentType("text/plain;charset=US-ASCII");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
