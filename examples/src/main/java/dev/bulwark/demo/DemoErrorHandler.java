package dev.bulwark.demo;

import com.google.gson.JsonObject;
import dev.bulwark.encode.Encoders;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error pages, replaced: for errors the container raises itself (a request line or
 * header Jetty cannot parse, a URI it refuses, an exception that escaped), the body is the
 * status and its standard reason only, as problem+json under {@code /api} and a small HTML page
 * elsewhere. Jetty's default would print the exception's message, and with stacks on, the stack
 * trace; this never prints either, nor the server's name or version.
 */
final class DemoErrorHandler extends ErrorHandler {

  DemoErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response,
      Callback callback, String contentType, List<Charset> charsets, int code,
      @Nullable String message, @Nullable Throwable cause) {
    boolean api = Responses.isApi(Request.getPathInContext(request));
    byte[] body = body(code, api);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE,
        api ? "application/problem+json" : "text/html;charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  static byte[] body(int code, boolean api) {
    String title = reason(code);
    String text;
    if (api) {
      JsonObject problem = new JsonObject();
      problem.addProperty("type", "about:blank");
      problem.addProperty("title", title);
      problem.addProperty("status", code);
      text = Responses.GSON.toJson(problem);
    } else {
      String heading = code + " " + Encoders.forHtmlContent(title);
      text = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + heading
          + "</title></head><body><h1>" + heading + "</h1></body></html>\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String reason(int code) {
    String reason = HttpStatus.getMessage(code);
    return reason == null ? "Error" : reason;
  }
}
