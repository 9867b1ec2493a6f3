package dev.bulwark.headers;

/**
 * A path pattern of a per-path profile: {@code /exact}, {@code /prefix/*} (the prefix itself and
 * everything below it) or {@code /*} (every path). Matched case-sensitively against the path the
 * application routes on (decoded, normalised, without context path), like Servlet mappings.
 */
record PathPattern(String pattern, String prefix, boolean wildcard) {

  static PathPattern parse(String setting, String pattern) {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException(setting + ": path '" + pattern
          + "' must start with '/', e.g. /account/* or /logout");
    }
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == '?' || c == '#') {
        throw new IllegalArgumentException(setting + ": path '" + pattern
            + "' must be visible ASCII without ';', '?' or '#'");
      }
    }
    int star = pattern.indexOf('*');
    if (star < 0) {
      return new PathPattern(pattern, pattern, false);
    }
    if (star != pattern.length() - 1 || !pattern.endsWith("/*")) {
      throw new IllegalArgumentException(setting + ": path '" + pattern
          + "' may use '*' only as a final '/*'");
    }
    return new PathPattern(pattern, pattern.substring(0, pattern.length() - 2), true);
  }

  boolean matches(String path) {
    if (!wildcard) {
      return path.equals(prefix);
    }
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
