package dev.bulwark.demo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies within limits. Forms go through the container's parser, capped by the
 * context's maximum form size; JSON is read here, at most {@link #MAX_JSON} bytes, decoded as
 * strict UTF-8 and parsed by Gson in strict mode (one object, nothing after it).
 */
final class Requests {

  /** The largest form body, in bytes (also the context's maximum form content size). */
  static final int MAX_FORM = 32 * 1024;
  /** The largest JSON body, in bytes. */
  static final int MAX_JSON = 32 * 1024;
  /**
   * How much of a refused body is read and discarded before the 413 is written. A client still
   * sending when the server closes the connection often never reads the answer (it sees a reset
   * instead); reading a little more lets an honest client that overshot see its 413, while a
   * client sending far more gets the connection closed.
   */
  static final int MAX_DRAIN = 256 * 1024;

  private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();

  private Requests() {}

  /** The path within the application: servlet path plus path info. */
  static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return info == null ? request.getServletPath() : request.getServletPath() + info;
  }

  /**
   * A form field of a POSTed {@code application/x-www-form-urlencoded} body.
   *
   * @return the value, or null when absent
   * @throws ClientError 413 when the body is over {@link #MAX_FORM}, 415 when it is not a form,
   *     400 when it does not parse or the field is repeated
   */
  static @Nullable String formField(HttpServletRequest request, String name) throws ClientError {
    String type = request.getContentType();
    if (type == null || !type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0,
        "application/x-www-form-urlencoded".length())) {
      throw new ClientError(415, "Unsupported Media Type",
          "Send the form as application/x-www-form-urlencoded.");
    }
    if (request.getContentLengthLong() > MAX_FORM) {
      throw tooLarge(request, "The form is larger than " + MAX_FORM + " bytes.");
    }
    String[] values;
    try {
      values = request.getParameterValues(name);
    } catch (RuntimeException e) {
      // Jetty refuses a (chunked) form over the context's limit, or a malformed one, here.
      throw contentError(request, e);
    }
    if (values == null) {
      return null;
    }
    if (values.length != 1) {
      throw ClientError.badRequest("The form field '" + name + "' is repeated.");
    }
    return values[0];
  }

  private static ClientError contentError(HttpServletRequest request, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException http && http.getCode() == 413) {
        return tooLarge(request, "The form is larger than " + MAX_FORM + " bytes.");
      }
    }
    return ClientError.badRequest("The form could not be read.");
  }

  /**
   * A 413 for a body over its limit, after reading and discarding at most {@link #MAX_DRAIN}
   * more bytes of it (see there why). Nothing read is kept.
   */
  static ClientError tooLarge(HttpServletRequest request, String detail) {
    long declared = request.getContentLengthLong();
    if (declared < 0 || declared <= MAX_DRAIN) {
      try (InputStream in = request.getInputStream()) {
        byte[] sink = new byte[8192];
        long left = MAX_DRAIN;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
          left -= n;
        }
      } catch (IOException | RuntimeException e) {
        // The body is refused either way; a failed drain only means the container closes the
        // connection after the 413.
      }
    }
    return ClientError.tooLarge(detail);
  }

  /**
   * A JSON object body.
   *
   * @throws ClientError 415 when not {@code application/json}, 413 over {@link #MAX_JSON}, 400
   *     when not one well-formed UTF-8 JSON object
   */
  static JsonObject jsonObject(HttpServletRequest request) throws ClientError, IOException {
    String type = request.getContentType();
    if (type == null || !type.regionMatches(true, 0, "application/json", 0,
        "application/json".length())) {
      throw new ClientError(415, "Unsupported Media Type", "Send the body as application/json.");
    }
    if (request.getContentLengthLong() > MAX_JSON) {
      throw tooLarge(request, "The body is larger than " + MAX_JSON + " bytes.");
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_JSON + 1);
      if (bytes.length > MAX_JSON) {
        throw tooLarge(request, "The body is larger than " + MAX_JSON + " bytes.");
      }
    }
    return parseObject(bytes);
  }

  /**
   * Parses a body as one JSON object.
   *
   * @throws ClientError 400 when not one well-formed UTF-8 JSON object
   */
  static JsonObject parseObject(byte[] bytes) throws ClientError {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ClientError.badRequest("The body is not UTF-8.");
    }
    JsonElement element;
    try {
      element = STRICT.fromJson(text, JsonElement.class);
    } catch (JsonParseException | IllegalStateException e) {
      throw ClientError.badRequest("The body is not well-formed JSON.");
    }
    if (element == null || !element.isJsonObject()) {
      throw ClientError.badRequest("The body must be a JSON object.");
    }
    return element.getAsJsonObject();
  }

  /**
   * A string member of a JSON object.
   *
   * @return the value, or null when absent or JSON null
   * @throws ClientError 400 when present but not a string
   */
  static @Nullable String string(JsonObject object, String name) throws ClientError {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw ClientError.badRequest("'" + name + "' must be a string.");
    }
    return value.getAsString();
  }
}
