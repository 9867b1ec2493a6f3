package dev.bulwark.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application behind {@link SecurityHeadersFilter}: what it does depends on the last path
 * segment. {@code ok} answers 200 with the CSP nonce request attribute as the body;
 * {@code not-found} and {@code boom} call {@code sendError(404)} and {@code sendError(500)};
 * {@code throw} throws; {@code redirect} calls {@code sendRedirect}; {@code app-frame} sets its
 * own {@code X-Frame-Options}; {@code powered} sets {@code X-Powered-By} and {@code Server}; {@code reset} sets a
 * header, resets the response and answers; {@code error-page} is the container's error page,
 * answering {@code error <status> nonce=<nonce attribute>} (with the status it was given).
 */
final class HeadersAppServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String path = request.getRequestURI();
    String action = path.substring(path.lastIndexOf('/') + 1);
    switch (action) {
      case "not-found" -> response.sendError(404);
      case "boom" -> response.sendError(500, "boom");
      case "throw" -> throw new ServletException("application failure");
      case "redirect" -> response.sendRedirect("/elsewhere");
      case "app-frame" -> {
        response.setHeader("X-Frame-Options", "DENY");
        body(response, "framed");
      }
      case "powered" -> {
        response.setHeader("X-Powered-By", "Servlet/6.0");
        response.addHeader("X-Powered-By", "JSP/3.1");
        response.setHeader("Server", "App/1.0");
        body(response, "powered");
      }
      case "error-page" -> {
        String text = "error " + request.getAttribute("jakarta.servlet.error.status_code")
            + " nonce=" + request.getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        response.setContentType("text/plain;charset=US-ASCII");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
      case "reset" -> {
        response.setHeader("X-Junk", "1");
        response.reset();
        body(response, "reset");
      }
      default -> body(response,
          String.valueOf(request.getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE)));
    }
  }

  private static void body(HttpServletResponse response, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.US_ASCII);
    response.setStatus(200);
    response.setContentType("text/plain;charset=US-ASCII");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
