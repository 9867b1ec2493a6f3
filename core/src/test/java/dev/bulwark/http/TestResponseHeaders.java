package dev.bulwark.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal header sink for core's own tests (core cannot use bulwark-testkit). */
public final class TestResponseHeaders implements HttpResponseHeaders {

  public final Map<String, List<String>> map = new LinkedHashMap<>();

  @Override
  public List<String> get(String name) {
    return map.getOrDefault(name, List.of());
  }

  @Override
  public void set(String name, String value) {
    map.put(name, new ArrayList<>(List.of(value)));
  }

  @Override
  public void add(String name, String value) {
    map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }
}
