package dev.bulwark.testkit.http;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HttpRequestView;
import java.util.ArrayList;
import java.util.List;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@link HttpRequestView} built in a test, for driving Bulwark engines without a server.
 * Headers keep their order and duplicates; names match case-insensitively.
 *
 * <pre>{@code
 * HttpRequestView request = FakeRequest.get("https://api.example.com/items")
 *     .header("Origin", "https://app.example.com")
 *     .remoteAddress("203.0.113.9")
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable once built and thread-safe.
 */
public final class FakeRequest implements HttpRequestView {

  private final String method;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final @Nullable String query;
  private final List<String[]> headers;
  private final String remoteAddress;

  private FakeRequest(Builder b) {
    this.method = b.method;
    this.scheme = b.scheme;
    this.host = b.host;
    this.port = b.port;
    this.path = b.path;
    this.query = b.query;
    this.headers = List.copyOf(b.headers);
    this.remoteAddress = b.remoteAddress;
  }

  /**
   * Starts a request.
   *
   * @param method the method, e.g. {@code GET}
   * @param url an absolute {@code http} or {@code https} URL; sets scheme, host, port, path
   *     and query
   * @return a builder with remote address {@code 127.0.0.1}
   */
  public static Builder request(String method, String url) {
    return new Builder(method, url);
  }

  /**
   * Starts a {@code GET} request.
   *
   * @param url an absolute URL
   * @return a builder
   */
  public static Builder get(String url) {
    return request("GET", url);
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public @Nullable String query() {
    return query;
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>(1);
    for (String[] header : headers) {
      if (Ascii.equalsIgnoreCase(header[0], name)) {
        values.add(header[1]);
      }
    }
    return values;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public String toString() {
    return method + " " + scheme + "://" + host + ":" + port + path
        + (query == null ? "" : "?" + query) + " from " + remoteAddress;
  }

  /** Builds a {@link FakeRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String scheme;
    private String host;
    private int port;
    private final String path;
    private final @Nullable String query;
    private final List<String[]> headers = new ArrayList<>();
    private String remoteAddress = "127.0.0.1";

    private Builder(String method, String url) {
      this.method = Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
      int schemeEnd = url.indexOf("://");
      if (schemeEnd < 0) {
        throw new IllegalArgumentException("url must be absolute, e.g. https://host/path");
      }
      this.scheme = Ascii.toLowerCase(url.substring(0, schemeEnd));
      int pathStart = url.indexOf('/', schemeEnd + 3);
      String authority = pathStart < 0 ? url.substring(schemeEnd + 3)
          : url.substring(schemeEnd + 3, pathStart);
      String rest = pathStart < 0 ? "/" : url.substring(pathStart);
      int q = rest.indexOf('?');
      this.path = q < 0 ? rest : rest.substring(0, q);
      this.query = q < 0 ? null : rest.substring(q + 1);
      authority(authority);
    }

    /**
     * Sets the host and port as a {@code Host} header would ({@code host[:port]}).
     *
     * @param authority e.g. {@code api.example.com:8080} or {@code [::1]:80}
     * @return this builder
     */
    public Builder authority(String authority) {
      int colon = authority.lastIndexOf(':');
      boolean hasPort = colon > authority.lastIndexOf(']');
      this.host = hasPort ? authority.substring(0, colon) : authority;
      this.port = hasPort ? Integer.parseInt(authority.substring(colon + 1))
          : (scheme.equals("https") ? 443 : 80);
      return this;
    }

    /**
     * Adds a header line (repeat to send duplicates).
     *
     * @param name the name
     * @param value the value, sent as is
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.add(new String[] {
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
      return this;
    }

    /**
     * Sets the TCP peer's address.
     *
     * @param address an IP literal
     * @return this builder
     */
    public Builder remoteAddress(String address) {
      this.remoteAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public FakeRequest build() {
      return new FakeRequest(this);
    }
  }
}
