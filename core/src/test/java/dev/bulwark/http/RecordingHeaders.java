package dev.bulwark.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A header sink for core's tests that keeps one combined value per header name, in order. */
public final class RecordingHeaders implements HttpResponseHeaders {

  private final Map<String, String> headers = new LinkedHashMap<>();

  /** What the writer set, name to combined value. */
  public Map<String, String> written() {
    return headers;
  }

  @Override
  public List<String> get(String name) {
    String value = headers.get(name);
    return value == null ? List.of() : List.of(value);
  }

  @Override
  public void set(String name, String value) {
    headers.put(name, value);
  }

  @Override
  public void add(String name, String value) {
    headers.merge(name, value, (a, b) -> a + ", " + b);
  }
}
