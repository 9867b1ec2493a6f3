package dev.bulwark.headers;

import dev.bulwark.http.HttpResponseHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory header sink (core's tests cannot use the testkit, which depends on core). */
final class MapHeaders implements HttpResponseHeaders {

  final Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  @Override
  public List<String> get(String name) {
    return List.copyOf(all.getOrDefault(name, List.of()));
  }

  @Override
  public boolean isEmpty() {
    return all.isEmpty();
  }

  @Override
  public void set(String name, String value) {
    all.put(name, new ArrayList<>(List.of(value)));
  }

  @Override
  public void add(String name, String value) {
    all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }

  String one(String name) {
    List<String> values = get(name);
    return values.size() == 1 ? values.get(0) : null;
  }
}
