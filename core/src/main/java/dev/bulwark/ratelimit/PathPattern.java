package dev.bulwark.ratelimit;

/**
 * A Servlet-style path pattern: {@code /*} (everything), {@code /api/*} (the path {@code /api}
 * and everything below it), {@code *.json} (an extension), or an exact path.
 */
record PathPattern(String text, Kind kind, String value) {

  enum Kind { ALL, PREFIX, EXTENSION, EXACT }

  static PathPattern parse(String text) {
    if (text.equals("/*") || text.equals("/")) {
      return new PathPattern(text, Kind.ALL, "");
    }
    if (text.startsWith("*.") && text.length() > 2 && text.indexOf('*', 1) < 0
        && text.indexOf('/') < 0) {
      return new PathPattern(text, Kind.EXTENSION, text.substring(1));
    }
    if (!text.startsWith("/") || text.length() > 1024) {
      throw new IllegalArgumentException("path pattern must start with / or *. (like /api/*,"
          + " /login or *.json), got '" + text + "'");
    }
    int star = text.indexOf('*');
    if (star < 0) {
      return new PathPattern(text, Kind.EXACT, text);
    }
    if (star == text.length() - 1 && text.endsWith("/*")) {
      return new PathPattern(text, Kind.PREFIX, text.substring(0, text.length() - 2));
    }
    throw new IllegalArgumentException("path pattern may only end in /* (like /api/*), got '"
        + text + "'");
  }

  boolean matches(String path) {
    return switch (kind) {
      case ALL -> true;
      case EXACT -> path.equals(value);
      case EXTENSION -> path.endsWith(value);
      case PREFIX -> path.startsWith(value)
          && (path.length() == value.length() || path.charAt(value.length()) == '/');
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
