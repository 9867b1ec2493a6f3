package dev.bulwark.headers;

import dev.bulwark.http.Ascii;
import dev.bulwark.http.StringSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link SecurityHeadersPolicy} from string settings (init-params, properties). Every
 * adapter uses this one reader, so names and messages are the same everywhere. Each bad value
 * fails with an {@link IllegalArgumentException} whose message starts with the setting's name.
 * {@code X-Powered-By} is always removed. HSTS is not here: the HTTPS filter owns it.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code preset}</td><td>{@code recommended} (default) or {@code none} (only what the
 *       other settings add)</td></tr>
 *   <tr><td>{@code csp}</td><td>a whole policy, e.g. {@code default-src 'self'; img-src 'self'
 *       data:}, or {@code off}; default: the preset's</td></tr>
 *   <tr><td>{@code csp-nonce}</td><td>{@code true}: {@code script-src 'nonce-…'
 *       'strict-dynamic'}; default {@code false}</td></tr>
 *   <tr><td>{@code csp-report-only}</td><td>{@code true}: send
 *       {@code Content-Security-Policy-Report-Only}; default {@code false}</td></tr>
 *   <tr><td>{@code reporting-endpoints}</td><td>{@code name=url} pairs for
 *       {@code Reporting-Endpoints}</td></tr>
 *   <tr><td>{@code report-to}</td><td>the endpoint name the CSP reports to</td></tr>
 *   <tr><td>{@code frame-options}</td><td>{@code DENY}, {@code SAMEORIGIN} or
 *       {@code off}</td></tr>
 *   <tr><td>{@code referrer-policy}</td><td>a policy token (or a comma-separated fallback list),
 *       or {@code off}</td></tr>
 *   <tr><td>{@code permissions-policy}</td><td>e.g. {@code camera=(), geolocation=(self)}, or
 *       {@code off}</td></tr>
 *   <tr><td>{@code coep}</td><td>{@code require-corp}, {@code credentialless} or {@code off}
 *       (default)</td></tr>
 *   <tr><td>{@code no-store-paths}</td><td>{@code /exact} and {@code /prefix/*} paths sent
 *       {@code Cache-Control: no-store}</td></tr>
 *   <tr><td>{@code clear-site-data-paths}</td><td>paths (logout) sent
 *       {@code Clear-Site-Data: "cache", "cookies", "storage"}</td></tr>
 *   <tr><td>{@code overwrite}</td><td>{@code false} (default: keep a header already present),
 *       {@code true} (replace every one) or header names</td></tr>
 *   <tr><td>{@code remove-headers}</td><td>more headers to strip besides
 *       {@code X-Powered-By}, e.g. {@code Server}</td></tr>
 * </table>
 */
public final class SecurityHeadersSettings {

  /** Every setting name understood. */
  public static final Set<String> NAMES = Set.of("preset", "csp", "csp-nonce",
      "csp-report-only", "reporting-endpoints", "report-to", "frame-options", "referrer-policy",
      "permissions-policy", "coep", "no-store-paths", "clear-site-data-paths", "overwrite",
      "remove-headers");

  private static final Set<String> REFERRER_POLICIES = Set.of("no-referrer",
      "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
      "strict-origin", "strict-origin-when-cross-origin", "unsafe-url");

  private final StringSettings settings;

  private SecurityHeadersSettings(StringSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads settings, refusing unknown names.
   *
   * @param settings name to value; blank values count as absent
   * @return the reader
   * @throws IllegalArgumentException for an unknown name
   */
  public static SecurityHeadersSettings of(Map<String, String> settings) {
    return new SecurityHeadersSettings(StringSettings.of("security headers", settings, NAMES));
  }

  /**
   * Builds the policy.
   *
   * @return the validated policy
   * @throws IllegalArgumentException naming the bad setting and the fix
   */
  public SecurityHeadersPolicy policy() {
    String preset = Ascii.toLowerCase(settings.value("preset", "recommended"));
    SecurityHeadersPolicy.Builder b = switch (preset) {
      case "recommended" -> SecurityHeadersPolicies.recommended().toBuilder();
      case "none" -> SecurityHeadersPolicy.builder().withoutContentSecurityPolicy();
      default -> throw new IllegalArgumentException("preset: '" + preset
          + "' is not a preset; use recommended or none");
    };
    b.remove("X-Powered-By");
    contentSecurityPolicy(b, preset.equals("recommended"));
    optional(b, "frame-options", "X-Frame-Options", v -> {
      for (String option : List.of("DENY", "SAMEORIGIN")) {
        if (Ascii.equalsIgnoreCase(v, option)) {
          return option;
        }
      }
      throw new IllegalArgumentException("frame-options: '" + v
          + "' is not DENY, SAMEORIGIN or off");
    });
    optional(b, "referrer-policy", "Referrer-Policy", v -> {
      for (String token : v.split(" *, *", -1)) {
        require(REFERRER_POLICIES.contains(token), "referrer-policy", "'" + token
            + "' is not a referrer policy; use one of " + new TreeSet<>(REFERRER_POLICIES)
            + " or off");
      }
      return v;
    });
    optional(b, "permissions-policy", "Permissions-Policy", v -> {
      for (String member : v.split(" *, *", -1)) {
        require(isPermission(member), "permissions-policy", "'" + member
            + "' is not feature=(), feature=(self \"https://x.example\") or feature=*");
      }
      return v;
    });
    String coep = settings.value("coep");
    if (coep != null && !Ascii.equalsIgnoreCase(coep, "off")) {
      require(coep.equals("require-corp") || coep.equals("credentialless"), "coep",
          "'" + coep + "' is not require-corp, credentialless or off");
      b.crossOriginEmbedderPolicy(coep);
    }
    for (String path : settings.list("no-store-paths")) {
      PathPattern.parse("no-store-paths", path);
      b.noStore(path);
    }
    for (String path : settings.list("clear-site-data-paths")) {
      PathPattern.parse("clear-site-data-paths", path);
      b.clearSiteData(path);
    }
    for (String name : settings.list("remove-headers")) {
      b.remove(name);
    }
    SecurityHeadersPolicy policy = named("remove-headers", b::build);
    return overwrite(policy);
  }

  private void contentSecurityPolicy(SecurityHeadersPolicy.Builder b, boolean preset) {
    Map<String, String> endpoints = new LinkedHashMap<>();
    SecurityHeadersPolicy.Builder check = SecurityHeadersPolicy.builder();
    for (String pair : settings.list("reporting-endpoints")) {
      int eq = pair.indexOf('=');
      require(eq > 0, "reporting-endpoints", "'" + pair
          + "' is not name=url, e.g. csp=https://reports.example.com/csp");
      endpoints.put(pair.substring(0, eq), pair.substring(eq + 1));
      b.reportingEndpoint(pair.substring(0, eq), pair.substring(eq + 1));
      check.reportingEndpoint(pair.substring(0, eq), pair.substring(eq + 1));
    }
    named("reporting-endpoints", check::build);
    String text = settings.value("csp");
    boolean nonce = settings.bool("csp-nonce", false);
    boolean reportOnly = settings.bool("csp-report-only", false);
    String reportTo = settings.value("report-to");
    ContentSecurityPolicy.Builder csp;
    if (text != null && Ascii.equalsIgnoreCase(text, "off")) {
      csp = null;
    } else if (text != null) {
      csp = parseCsp(text);
    } else if (preset) {
      csp = (nonce ? SecurityHeadersPolicies.nonceCsp() : SecurityHeadersPolicies.strictCsp())
          .toBuilder();
    } else {
      csp = null;
    }
    if (csp == null) {
      require(!nonce && !reportOnly && reportTo == null, "csp", "no Content Security Policy is"
          + " sent, so csp-nonce, csp-report-only and report-to mean nothing; set csp to a"
          + " policy or remove them");
      b.withoutContentSecurityPolicy();
      return;
    }
    if (nonce) {
      csp.scriptNonce();
    }
    if (reportOnly) {
      csp.reportOnly();
    }
    if (reportTo != null) {
      require(endpoints.containsKey(reportTo), "report-to", "'" + reportTo + "' is not named"
          + " in reporting-endpoints; add " + reportTo + "=https://... there");
      csp.reportTo(reportTo);
    }
    ContentSecurityPolicy.Builder built = csp;
    b.contentSecurityPolicy(named(text == null ? "csp-nonce" : "csp", built::build));
  }

  /**
   * Parses a whole policy as written in the header: directives separated by {@code ;}, each a
   * name and sources separated by spaces. {@code report-to} becomes the report endpoint.
   */
  static ContentSecurityPolicy.Builder parseCsp(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      require(c >= 0x20 && c < 0x7f && c != ',', "csp", "must be one policy of visible ASCII"
          + " without ',' (a comma would start a second policy)");
    }
    ContentSecurityPolicy.Builder csp = ContentSecurityPolicy.builder();
    Set<String> seen = new HashSet<>();
    for (String part : text.split(";", -1)) {
      String directive = part.strip();
      if (directive.isEmpty()) {
        continue;
      }
      String[] tokens = directive.split(" +");
      String name = tokens[0];
      require(seen.add(name), "csp", "directive '" + name
          + "' appears twice (browsers ignore the second); merge its sources into one");
      List<String> sources = new ArrayList<>(List.of(tokens).subList(1, tokens.length));
      if (name.equals("report-to")) {
        require(sources.size() == 1, "csp", "report-to takes one endpoint name");
        csp.reportTo(sources.get(0));
      } else {
        csp.directive(name, sources.toArray(String[]::new));
      }
    }
    return csp;
  }

  private SecurityHeadersPolicy overwrite(SecurityHeadersPolicy policy) {
    String value = settings.value("overwrite");
    if (value == null || Ascii.equalsIgnoreCase(value, "false")) {
      return policy;
    }
    List<String> names = new ArrayList<>();
    if (Ascii.equalsIgnoreCase(value, "true")) {
      names.addAll(policy.headers().keySet());
      ContentSecurityPolicy csp = policy.contentSecurityPolicy();
      if (csp != null) {
        names.add(csp.headerName());
      }
      names.add("Cache-Control");
      names.add("Clear-Site-Data");
    } else {
      names.addAll(settings.list("overwrite"));
    }
    return named("overwrite",
        () -> policy.toBuilder().overwrite(names.toArray(String[]::new)).build());
  }

  /**
   * Whether {@code member} is a Permissions-Policy member: {@code feature=*},
   * {@code feature=self} or {@code feature=(...)} with {@code self}, {@code *} and quoted
   * {@code http(s)://} origins separated by spaces; feature names are lower-case.
   */
  static boolean isPermission(String member) {
    int eq = member.indexOf('=');
    if (eq <= 0 || member.charAt(0) < 'a' || member.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < eq; i++) {
      char c = member.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    String allow = member.substring(eq + 1);
    if (allow.equals("*") || allow.equals("self")) {
      return true;
    }
    if (allow.length() < 2 || allow.charAt(0) != '(' || allow.charAt(allow.length() - 1) != ')') {
      return false;
    }
    for (String item : allow.substring(1, allow.length() - 1).split(" ", -1)) {
      if (!item.isEmpty() && !item.equals("self") && !item.equals("*") && !isQuotedOrigin(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isQuotedOrigin(String item) {
    if (item.length() < 3 || item.charAt(0) != '"' || item.charAt(item.length() - 1) != '"') {
      return false;
    }
    String origin = item.substring(1, item.length() - 1);
    int start = origin.startsWith("https://") ? 8 : origin.startsWith("http://") ? 7 : -1;
    if (start < 0 || origin.length() == start) {
      return false;
    }
    for (int i = start; i < origin.length(); i++) {
      char c = origin.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private void optional(SecurityHeadersPolicy.Builder b, String setting, String header,
      java.util.function.UnaryOperator<String> check) {
    String value = settings.value(setting);
    if (value == null) {
      return;
    }
    if (Ascii.equalsIgnoreCase(value, "off")) {
      b.withoutHeader(header);
    } else {
      b.header(header, check.apply(value));
    }
  }

  private static void require(boolean ok, String setting, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(setting + ": " + problem);
    }
  }

  /** Runs a builder step, prefixing any failure with the setting's name. */
  private static <T> T named(String setting, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
  }
}
