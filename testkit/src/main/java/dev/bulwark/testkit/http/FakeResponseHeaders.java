package dev.bulwark.testkit.http;

import dev.bulwark.http.HttpResponseHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory {@link HttpResponseHeaders} for tests: records what an engine wrote. Names
 * match case-insensitively. Not thread-safe.
 */
public final class FakeResponseHeaders implements HttpResponseHeaders {

  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** Creates an empty sink. */
  public FakeResponseHeaders() {}

  @Override
  public List<String> get(String name) {
    return List.copyOf(headers.getOrDefault(name, List.of()));
  }

  @Override
  public void set(String name, String value) {
    List<String> values = new ArrayList<>();
    values.add(value);
    headers.put(name, values);
  }

  @Override
  public void add(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  /**
   * The values of a header joined with {@code ", "}, as a client would combine them.
   *
   * @param name the header name
   * @return the combined value, or null when absent
   */
  public @org.jspecify.annotations.Nullable String combined(String name) {
    List<String> values = headers.get(name);
    return values == null ? null : String.join(", ", values);
  }

  /**
   * Every header written.
   *
   * @return a copy, names in case-insensitive order
   */
  public Map<String, List<String>> all() {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  @Override
  public String toString() {
    return headers.toString();
  }
}
