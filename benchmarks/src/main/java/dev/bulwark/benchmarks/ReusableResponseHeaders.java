package dev.bulwark.benchmarks;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.HttpResponseHeaders;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A header sink that is cleared and reused between calls: storing a header allocates nothing
 * (up to {@link #CAPACITY} lines), so the engine's own allocations are what a profiler sees.
 * {@link #get(String)} allocates only when the header is present, which the CORS benchmarks
 * never hit because they {@link #clear()} first.
 */
final class ReusableResponseHeaders implements HttpResponseHeaders {

  static final int CAPACITY = 16;

  private final String[] names = new String[CAPACITY];
  private final String[] values = new String[CAPACITY];
  private int size;

  /** Forgets every header. */
  void clear() {
    size = 0;
  }

  /** The first value of a header, or null. */
  @Nullable String first(String name) {
    for (int i = 0; i < size; i++) {
      if (Ascii.equalsIgnoreCase(names[i], name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public List<String> get(String name) {
    List<String> found = List.of();
    for (int i = 0; i < size; i++) {
      if (Ascii.equalsIgnoreCase(names[i], name)) {
        if (found.isEmpty()) {
          found = new ArrayList<>(2);
        }
        found.add(values[i]);
      }
    }
    return found;
  }

  @Override
  public void set(String name, String value) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (!Ascii.equalsIgnoreCase(names[i], name)) {
        names[kept] = names[i];
        values[kept] = values[i];
        kept++;
      }
    }
    size = kept;
    add(name, value);
  }

  @Override
  public void add(String name, String value) {
    if (size == CAPACITY) {
      throw new IllegalStateException("more than " + CAPACITY + " header lines");
    }
    names[size] = name;
    values[size] = value;
    size++;
  }
}
