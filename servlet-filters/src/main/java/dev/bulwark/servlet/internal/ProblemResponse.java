package dev.bulwark.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes RFC 9457 {@code application/problem+json} answers. The detail is always a constant
 * chosen by Bulwark, never request data, so the body cannot reflect attacker input.
 */
public final class ProblemResponse {

  private static final int MAX_CACHED = 256;
  private static final ConcurrentHashMap<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private ProblemResponse() {}

  /**
   * Sends a problem answer, unless the response is already committed.
   *
   * @param response the response
   * @param status e.g. 403
   * @param title e.g. {@code Forbidden}
   * @param detail a constant, ASCII, JSON-safe description
   * @throws IOException when writing fails
   */
  public static void send(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    byte[] body = body(status, title, detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body);
    }
  }

  /**
   * The JSON body; bodies are constants per (status, title, detail), so they are built once and
   * kept in a small bounded cache.
   */
  private static byte[] body(int status, String title, String detail) {
    String key = status + "\u0000" + title + "\u0000" + detail;
    byte[] cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + jsonSafe(title)
        + "\",\"status\":" + status + ",\"detail\":\"" + jsonSafe(detail) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    if (CACHE.size() < MAX_CACHED) {
      byte[] raced = CACHE.putIfAbsent(key, body);
      return raced != null ? raced : body;
    }
    return body;
  }

  private static String jsonSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append('?');
      }
    }
    return out.toString();
  }
}
