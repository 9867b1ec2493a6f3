package dev.bulwark.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of request paths, for exclusions and allow-lists (paths that skip the HTTPS redirect,
 * paths that accept cross-site requests). Immutable and thread-safe.
 *
 * <h2>Patterns</h2>
 *
 * <ul>
 *   <li>{@code /healthz}: exactly that path (case-sensitive; a trailing slash is significant).
 *   <li>{@code /webhooks/*}: {@code /webhooks} itself and every path below it
 *       ({@code /webhooks/}, {@code /webhooks/stripe/v1}), but not {@code /webhooksX}.
 * </ul>
 *
 * <p>A pattern starts with {@code /}, uses only letters, digits and {@code -._~!$&'()+,=:@},
 * and has no empty, {@code .} or {@code ..} segment; {@code *} is allowed only as a final
 * {@code /*}. {@code /*} alone (every path) is refused. Engines compare patterns with
 * {@link HttpRequestView#routingPath()} (the path within the application) and apply an
 * exemption only when {@link HttpRequestView#ambiguousPath()} is false.
 *
 * <h2>Paths that never match</h2>
 *
 * <p>Containers disagree on how they decode and normalise paths, so a path whose meaning could
 * differ between this check and the application's routing never matches any pattern: a path
 * that does not start with {@code /}, or contains {@code %} (any percent-escape, including
 * encoded slashes and dots), {@code ;} (path parameters), {@code \}, {@code //}, a {@code .} or
 * {@code ..} segment, or any character outside the set above. An attacker can therefore not
 * smuggle a protected path past an exclusion: the worst a malformed path achieves is to be
 * treated as not excluded.
 */
public final class PathPatterns {

  private static final PathPatterns NONE = new PathPatterns(Set.of(), List.of());

  private final Set<String> exact;
  private final List<String> prefixes;

  private PathPatterns(Set<String> exact, List<String> prefixes) {
    this.exact = Set.copyOf(exact);
    this.prefixes = List.copyOf(prefixes);
  }

  /**
   * The empty set: matches nothing.
   *
   * @return the shared empty set
   */
  public static PathPatterns none() {
    return NONE;
  }

  /**
   * Parses patterns.
   *
   * @param patterns exact paths and {@code /prefix/*} patterns
   * @return the set
   * @throws IllegalArgumentException naming the first invalid pattern and the expected form
   */
  public static PathPatterns of(Collection<String> patterns) {
    Set<String> exact = new java.util.HashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String pattern : patterns) {
      Objects.requireNonNull(pattern, "pattern");
      String printable = printable(pattern);
      if (pattern.equals("/*")) {
        throw new IllegalArgumentException("path pattern '/*' matches every path; list the"
            + " paths or /prefix/* patterns you mean");
      }
      String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
      if (!isNormal(path)) {
        throw new IllegalArgumentException("path pattern '" + printable + "' is not an exact"
            + " path such as /healthz or a prefix such as /webhooks/* (start with /; letters,"
            + " digits and -._~!$&'()+,=:@ only; no %, ;, \\, //, . or .. segments; * only as a"
            + " final /*)");
      }
      if (path.length() == pattern.length()) {
        exact.add(path);
      } else if (!prefixes.contains(path)) {
        prefixes.add(path);
      }
    }
    return exact.isEmpty() && prefixes.isEmpty() ? NONE : new PathPatterns(exact, prefixes);
  }

  /**
   * Whether a request path matches; a path in no normal form never matches (see the class
   * comment).
   *
   * @param path a request path (engines pass the routing path)
   * @return true when some pattern matches
   */
  public boolean matches(String path) {
    Objects.requireNonNull(path, "path");
    if (exact.isEmpty() && prefixes.isEmpty()) {
      return false;
    }
    if (!isNormal(path)) {
      return false;
    }
    if (exact.contains(path)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this set matches nothing.
   *
   * @return true for {@link #none()}
   */
  public boolean isEmpty() {
    return exact.isEmpty() && prefixes.isEmpty();
  }

  /**
   * Whether {@code path} is in the normal form patterns are matched against: starts with
   * {@code /}, only the allowed characters, no empty, {@code .} or {@code ..} segment (a single
   * trailing slash is allowed).
   *
   * @param path a raw path
   * @return true for a normal path
   */
  public static boolean isNormal(String path) {
    int n = path.length();
    if (n == 0 || path.charAt(0) != '/' || n > 2048) {
      return false;
    }
    int segmentStart = 1;
    for (int i = 1; i <= n; i++) {
      if (i == n || path.charAt(i) == '/') {
        int length = i - segmentStart;
        if (length == 0 && i != n) {
          return false; // "//"
        }
        if (length == 1 && path.charAt(segmentStart) == '.'
            || length == 2 && path.charAt(segmentStart) == '.'
                && path.charAt(segmentStart + 1) == '.') {
          return false;
        }
        segmentStart = i + 1;
        continue;
      }
      if (!isPathChar(path.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPathChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "-._~!$&'()+,=:@".indexOf(c) >= 0;
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    List<String> all = new ArrayList<>(exact);
    java.util.Collections.sort(all);
    for (String prefix : prefixes) {
      all.add(prefix + "/*");
    }
    return "PathPatterns" + all;
  }
}
