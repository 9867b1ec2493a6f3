package dev.bulwark.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the whole request body, through {@code getReader()} when the path ends in
 * {@code /reader} and {@code getInputStream()} otherwise, and answers {@code read N}.
 */
final class BodyLengthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long count = 0;
    if (request.getRequestURI().endsWith("/reader")) {
      Reader reader = request.getReader();
      char[] buffer = new char[512];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        count += n;
      }
    } else {
      InputStream in = request.getInputStream();
      byte[] buffer = new byte[512];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        count += n;
      }
    }
    byte[] body = ("read " + count).getBytes(StandardCharsets.US_ASCII);
    response.setContentType("text/plain;charset=US-ASCII");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
