package dev.bulwark.headers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The CSP Level 3 directives Bulwark renders, and the checks on each directive's value. */
final class CspDirectives {

  /** Directives whose value is a source list. */
  static final Set<String> SOURCE_LISTS = Set.of(
      "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src",
      "style-src-elem", "style-src-attr", "img-src", "font-src", "connect-src", "media-src",
      "object-src", "frame-src", "child-src", "worker-src", "manifest-src", "base-uri",
      "form-action", "frame-ancestors");

  private static final Set<String> SANDBOX_TOKENS = Set.of(
      "allow-downloads", "allow-forms", "allow-modals", "allow-orientation-lock",
      "allow-pointer-lock", "allow-popups", "allow-popups-to-escape-sandbox",
      "allow-presentation", "allow-same-origin", "allow-scripts", "allow-top-navigation",
      "allow-top-navigation-by-user-activation", "allow-top-navigation-to-custom-protocols");

  private CspDirectives() {}

  /**
   * Checks one directive and returns its canonical sources.
   *
   * @throws IllegalArgumentException naming the directive and the fix
   */
  static List<String> validate(String name, List<String> sources, boolean nonce,
      boolean unsafeInlineFallback) {
    if (SOURCE_LISTS.contains(name)) {
      return sourceList(name, sources, nonce, unsafeInlineFallback);
    }
    switch (name) {
      case "upgrade-insecure-requests" -> {
        if (!sources.isEmpty()) {
          throw invalid(name, "takes no value; use flag(\"" + name + "\")");
        }
        return List.of();
      }
      case "sandbox" -> {
        for (String token : sources) {
          if (!SANDBOX_TOKENS.contains(token)) {
            throw invalid(name, "unknown token '" + token + "'; known tokens are "
                + new java.util.TreeSet<>(SANDBOX_TOKENS));
          }
        }
        return List.copyOf(new LinkedHashSet<>(sources));
      }
      case "require-trusted-types-for" -> {
        if (!sources.equals(List.of("'script'"))) {
          throw invalid(name, "takes exactly 'script'");
        }
        return sources;
      }
      case "report-to", "report-uri" ->
          throw invalid(name, "is set with reportTo(endpoint) and"
              + " SecurityHeadersPolicy.Builder.reportingEndpoint(name, url)");
      default -> throw new IllegalArgumentException("Content-Security-Policy: unknown directive '"
          + name + "'; known directives are " + new java.util.TreeSet<>(SOURCE_LISTS)
          + " and upgrade-insecure-requests, sandbox, require-trusted-types-for, report-to"
          + " (directive names are lower case)");
    }
  }

  private static List<String> sourceList(String name, List<String> sources, boolean nonce,
      boolean unsafeInlineFallback) {
    if (sources.equals(List.of("'none'"))) {
      if (nonce) {
        throw invalid(name, "is 'none' but also asked for a nonce; remove one of the two");
      }
      return sources;
    }
    if (sources.isEmpty() && !nonce) {
      throw invalid(name, "has no source; add one, or use none(\"" + name + "\")");
    }
    Set<String> canonical = new LinkedHashSet<>();
    for (String source : sources) {
      try {
        canonical.add(CspSource.parse(source));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Content-Security-Policy: " + name + ": " + e.getMessage(), e);
      }
    }
    if (nonce && canonical.contains("'unsafe-inline'") && !unsafeInlineFallback) {
      throw invalid(name, "has 'unsafe-inline' beside a nonce; remove it, or call"
          + " allowUnsafeInlineFallback() if very old browsers must keep working");
    }
    if (name.equals("frame-ancestors")) {
      for (String source : canonical) {
        if (source.startsWith("'") && !source.equals("'self'")) {
          throw invalid(name, "accepts only 'self', 'none', schemes and hosts, not " + source);
        }
      }
    }
    return new ArrayList<>(canonical);
  }

  private static IllegalArgumentException invalid(String name, String problem) {
    return new IllegalArgumentException("Content-Security-Policy: " + name + " " + problem);
  }
}
