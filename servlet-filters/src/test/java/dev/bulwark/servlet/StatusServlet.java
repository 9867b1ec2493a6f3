package dev.bulwark.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application behind the rate-limit filter: answers 200 with the body {@code app}, or the
 * status named by the test-only request header {@value #STATUS} (e.g. 401 for a failed login).
 */
final class StatusServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String STATUS = "X-Test-Status";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String status = request.getHeader(STATUS);
    byte[] body = AppServlet.BODY.getBytes(StandardCharsets.US_ASCII);
    response.setStatus(status == null ? 200 : Integer.parseInt(status));
    response.setContentType("text/plain;charset=US-ASCII");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
