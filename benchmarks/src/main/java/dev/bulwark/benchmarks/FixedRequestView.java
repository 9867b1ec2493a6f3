package dev.bulwark.benchmarks;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HttpRequestView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request view over fixed values, built once and reused: header lists are created up front,
 * so reading a header allocates nothing and the engine's own allocations are what a profiler
 * sees. The request is addressed to {@code http://localhost:80/api/items} from
 * {@code 127.0.0.1}, like the Servlet mock request of the same benchmarks.
 */
final class FixedRequestView implements HttpRequestView {

  private final String method;
  private final String[] names;
  private final List<List<String>> values;

  /**
   * A view of a request.
   *
   * @param method the method
   * @param headers header name, value, name, value, ...; one line per pair
   */
  FixedRequestView(String method, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name, value pairs");
    }
    this.method = method;
    this.names = new String[headers.length / 2];
    List<String>[] lists = newListArray(headers.length / 2);
    for (int i = 0; i < names.length; i++) {
      names[i] = headers[2 * i];
      lists[i] = List.of(headers[2 * i + 1]);
    }
    this.values = List.of(lists);
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newListArray(int n) {
    return (List<String>[]) new List<?>[n];
  }

  /** The view of one of the benchmark requests ({@link CorsFixtures#SIMPLE} etc.). */
  static FixedRequestView of(String kind) {
    return switch (kind) {
      case CorsFixtures.SIMPLE -> new FixedRequestView("GET", "Origin", CorsFixtures.ALLOWED_ORIGIN);
      case CorsFixtures.PREFLIGHT -> new FixedRequestView("OPTIONS",
          "Origin", CorsFixtures.ALLOWED_ORIGIN,
          "Access-Control-Request-Method", "PUT",
          "Access-Control-Request-Headers", CorsFixtures.REQUEST_HEADERS);
      case CorsFixtures.REJECTED -> new FixedRequestView("GET", "Origin", CorsFixtures.EVIL_ORIGIN);
      default -> throw new IllegalArgumentException("unknown request kind: " + kind);
    };
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String scheme() {
    return "http";
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public int port() {
    return 80;
  }

  @Override
  public String path() {
    return "/api/items";
  }

  @Override
  public @Nullable String query() {
    return null;
  }

  @Override
  public List<String> headers(String name) {
    for (int i = 0; i < names.length; i++) {
      if (Ascii.equalsIgnoreCase(names[i], name)) {
        return values.get(i);
      }
    }
    return List.of();
  }

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }
}
