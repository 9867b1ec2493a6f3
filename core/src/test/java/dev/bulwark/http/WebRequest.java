package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request with a path and query for core's own tests of the HTTPS and Fetch Metadata engines;
 * {@code host} and {@code port} default to what the {@code Host} header says, as a container
 * would set them.
 */
public record WebRequest(String method, String scheme, String host, int port, String path,
    @Nullable String query, List<String[]> headerLines, String remoteAddress)
    implements HttpRequestView {

  /** A plain GET to http://example.com/ from 198.51.100.7, with {@code Host: example.com}. */
  public static WebRequest http() {
    return new WebRequest("GET", "http", "example.com", 80, "/", null,
        List.<String[]>of(new String[] {"Host", "example.com"}), "198.51.100.7");
  }

  /** Replaces the Host header and the container's host and port to match it. */
  public WebRequest host(String hostHeader) {
    List<String[]> lines = new ArrayList<>();
    for (String[] line : headerLines) {
      if (!Ascii.equalsIgnoreCase(line[0], "Host")) {
        lines.add(line);
      }
    }
    lines.add(new String[] {"Host", hostHeader});
    String h = hostHeader;
    int p = scheme.equals("https") ? 443 : 80;
    int colon = hostHeader.lastIndexOf(':');
    if (colon > 0 && colon > hostHeader.lastIndexOf(']')) {
      h = hostHeader.substring(0, colon);
      try {
        p = Integer.parseInt(hostHeader.substring(colon + 1));
        p = p < 1 || p > 65535 ? 80 : p;
      } catch (NumberFormatException e) {
        p = 80;
      }
    }
    return new WebRequest(method, scheme, h, p, path, query, lines, remoteAddress);
  }

  public WebRequest with(String name, String value) {
    List<String[]> lines = new ArrayList<>(headerLines);
    lines.add(new String[] {name, value});
    return new WebRequest(method, scheme, host, port, path, query, lines, remoteAddress);
  }

  public WebRequest method(String newMethod) {
    return new WebRequest(newMethod, scheme, host, port, path, query, headerLines, remoteAddress);
  }

  public WebRequest https() {
    return new WebRequest(method, "https", host, port == 80 ? 443 : port, path, query,
        headerLines, remoteAddress);
  }

  public WebRequest target(String newPath, @Nullable String newQuery) {
    return new WebRequest(method, scheme, host, port, newPath, newQuery, headerLines,
        remoteAddress);
  }

  public WebRequest from(String address) {
    return new WebRequest(method, scheme, host, port, path, query, headerLines, address);
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (String[] line : headerLines) {
      if (Ascii.equalsIgnoreCase(line[0], name)) {
        values.add(line[1]);
      }
    }
    return values;
  }
}
