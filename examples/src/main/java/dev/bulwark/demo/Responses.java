package dev.bulwark.demo;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.bulwark.encode.Encoders;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the demo's responses: JSON, RFC 9457 {@code application/problem+json} for {@code /api}
 * errors and a small HTML page for the others. Every error text is fixed by the demo; none
 * echoes the request.
 */
final class Responses {

  static final Gson GSON = new Gson();

  private Responses() {}

  /** Whether errors on this path are answered as problem+json. */
  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  static void error(String path, HttpServletResponse response, int status, String title,
      String detail) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    if (isApi(path)) {
      problem(response, status, title, detail);
    } else {
      page(response, status, title, detail);
    }
  }

  static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("type", "about:blank");
    body.addProperty("title", title);
    body.addProperty("status", status);
    body.addProperty("detail", detail);
    response.setStatus(status);
    write(response, "application/problem+json", GSON.toJson(body));
  }

  static void page(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    write(response, "text/html;charset=utf-8", "<!doctype html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>" + status + " " + Encoders.forHtmlContent(title)
        + "</title></head><body><h1>" + status + " " + Encoders.forHtmlContent(title)
        + "</h1><p>" + Encoders.forHtmlContent(detail)
        + "</p><p><a href=\"/\">Back to the demo</a></p></body></html>\n");
  }

  static void json(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    write(response, "application/json", GSON.toJson(body));
  }

  static void write(HttpServletResponse response, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    response.setContentType(contentType);
    response.setCharacterEncoding("utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** Post/redirect/get: a 303 to the home page (a constant, never taken from the request). */
  static void seeHome(HttpServletResponse response) {
    response.setStatus(303);
    response.setHeader("Location", "/");
    response.setContentLength(0);
  }

}
