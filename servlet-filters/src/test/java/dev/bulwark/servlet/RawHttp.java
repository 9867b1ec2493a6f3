package dev.bulwark.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately dumb HTTP/1.1 client over a plain {@link Socket}: it sends the header lines
 * exactly as given (order, case and duplicates kept, nothing added but {@code Host} and
 * {@code Connection: close}) and returns every response header line as received. Unlike
 * {@code java.net.http.HttpClient} it neither refuses {@code Host} or {@code Origin} nor merges
 * duplicate headers, which is what the CORS vectors need.
 */
final class RawHttp {

  static final int TIMEOUT_MILLIS = 5_000;

  /** One response: status, header lines in order (duplicates kept) and the decoded body. */
  record Response(int status, List<String[]> headers, String body) {

    /** Every value of a header, one per line received, in order. */
    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase(name)) {
          values.add(header[1]);
        }
      }
      return values;
    }

    /** The values joined as RFC 9110 allows (", "), or null when the header is absent. */
    String combined(String name) {
      List<String> values = values(name);
      return values.isEmpty() ? null : String.join(", ", values);
    }

    /** Every token of every line of a comma-separated header, stripped and lower-cased. */
    List<String> tokens(String name) {
      List<String> tokens = new ArrayList<>();
      for (String value : values(name)) {
        for (String part : value.split(",", -1)) {
          String token = part.strip();
          if (!token.isEmpty()) {
            tokens.add(token.toLowerCase(Locale.ROOT));
          }
        }
      }
      return tokens;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder().append(status);
      headers.forEach(h -> out.append("\n  ").append(h[0]).append(": ").append(h[1]));
      return out.append("\n  body=").append(body).toString();
    }
  }

  private RawHttp() {}

  /**
   * Headers for {@link #send} from alternating names and values.
   *
   * @param namesAndValues {@code name1, value1, name2, value2, ...}
   * @return {@code [name, value]} pairs
   */
  static List<List<String>> pairs(String... namesAndValues) {
    List<List<String>> headers = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(List.of(namesAndValues[i], namesAndValues[i + 1]));
    }
    return headers;
  }

  /**
   * Sends one request on a fresh connection to 127.0.0.1 and reads the whole response.
   *
   * @param headers {@code [name, value]} pairs, sent in order after {@code Host}
   */
  static Response send(int port, String method, String target, String host,
      List<List<String>> headers) throws IOException {
    return exchange(port, method, target, host, headers, new byte[0]);
  }

  /**
   * Sends one request with a body: the head lines as given (which must declare the body's
   * framing, {@code Content-Length} or {@code Transfer-Encoding: chunked}), then {@code body}
   * bytes exactly as given, and reads the response.
   */
  static Response sendWithBody(int port, String method, String target,
      List<List<String>> headers, byte[] body) throws IOException {
    return exchange(port, method, target, "localhost", headers, body);
  }

  private static Response exchange(int port, String method, String target, String host,
      List<List<String>> headers, byte[] body) throws IOException {
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append("\r\n");
    for (List<String> header : headers) {
      request.append(requireSendable(header.get(0))).append(": ")
          .append(requireSendable(header.get(1))).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(
          InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return parse(method, readOneResponse(socket.getInputStream()));
    }
  }

  /**
   * Reads until the head and a {@code Content-Length} body are complete, or to the end of the
   * stream: a server may keep the connection open after answering (Tomcat waits to swallow a
   * declared body that never comes), and the answer is what the test is about.
   */
  private static byte[] readOneResponse(java.io.InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      received.write(buffer, 0, n);
      byte[] raw = received.toByteArray();
      int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
      if (end >= 0) {
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
        int at = head.indexOf("\r\ncontent-length:");
        if (at >= 0) {
          int lineEnd = head.indexOf("\r\n", at + 2);
          String value = head.substring(at + 17, lineEnd < 0 ? head.length() : lineEnd).strip();
          if (raw.length >= end + 4 + Integer.parseInt(value)) {
            return raw;
          }
        }
      }
    }
    return received.toByteArray();
  }

  /** Visible ASCII, space and tab only: anything else is an engine-only vector. */
  static boolean isSendable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String requireSendable(String text) {
    if (!isSendable(text)) {
      throw new IllegalArgumentException("cannot send over HTTP/1.1 unchanged: " + text);
    }
    return text;
  }

  private static Response parse(String method, byte[] raw) throws IOException {
    int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
    if (end < 0) {
      throw new IOException("no complete response head in "
          + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n", -1);
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + lines[0]);
    }
    int status = Integer.parseInt(statusLine[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line: " + lines[i]);
      }
      headers.add(
          new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    Response head = new Response(status, List.copyOf(headers), "");
    String encoding = head.combined("Transfer-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = dechunk(body);
    } else if (head.combined("Content-Length") != null) {
      int length = Integer.parseInt(head.combined("Content-Length"));
      if (!method.equals("HEAD") && length <= body.length) {
        body = Arrays.copyOf(body, length);
      }
    }
    return new Response(status, head.headers(), new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (true) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, pos);
      if (lineEnd < 0) {
        throw new IOException("truncated chunked body");
      }
      String sizeLine = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt(
          (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      pos = lineEnd + 2;
      if (size == 0) {
        return out.toByteArray();
      }
      if (pos + size > chunked.length) {
        throw new IOException("truncated chunk");
      }
      out.write(chunked, pos, size);
      pos += size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
