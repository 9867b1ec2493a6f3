package dev.bulwark.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the whole request body, through {@code getReader()} when the path ends in
 * {@code /reader}, asynchronously with a {@link ReadListener} when it ends in {@code /async}
 * (the stream of {@code AsyncContext.getRequest()}) or {@code /async-request} (the stream of
 * the request the servlet was given), and {@code getInputStream()} otherwise, and answers {@code read N}. The asynchronous reader
 * is written as applications usually write one: it reads while the stream is ready, lets an
 * {@code IOException} leave {@code onDataAvailable}, and answers 500 from {@code onError}.
 */
final class BodyLengthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getRequestURI().endsWith("/async")) {
      AsyncContext async = request.startAsync();
      readAsync(async, async.getRequest().getInputStream());
      return;
    }
    if (request.getRequestURI().endsWith("/async-request")) {
      readAsync(request.startAsync(), request.getInputStream());
      return;
    }
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

  private static void readAsync(AsyncContext async, ServletInputStream in) {
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    in.setReadListener(new ReadListener() {
      private final byte[] buffer = new byte[512];
      private long count;

      @Override
      public void onDataAvailable() throws IOException {
        while (in.isReady()) {
          int n = in.read(buffer);
          if (n < 0) {
            return;
          }
          count += n;
        }
      }

      @Override
      public void onAllDataRead() throws IOException {
        byte[] body = ("read " + count).getBytes(StandardCharsets.US_ASCII);
        response.setContentType("text/plain;charset=US-ASCII");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        async.complete();
      }

      @Override
      public void onError(Throwable t) {
        response.setStatus(500);
        async.complete();
      }
    });
  }
}
