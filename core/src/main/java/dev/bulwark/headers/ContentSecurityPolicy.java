package dev.bulwark.headers;

import dev.bulwark.http.HeaderTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable Content Security Policy, rendered once when it is built. When a nonce is asked
 * for ({@link Builder#scriptNonce()}, {@link Builder#styleNonce()}), the rendered value keeps a
 * slot for it and {@link #render(String)} fills the slot with each response's fresh nonce;
 * otherwise the value is a constant.
 *
 * <p>Everything is validated in {@link Builder#build()}: directive names must be known CSP
 * Level 3 directives, source expressions must parse ({@code 'self'} yes, {@code 'Self'} or
 * {@code self} no), {@code 'unsafe-inline'} next to a nonce is refused unless
 * {@link Builder#allowUnsafeInlineFallback()} is called, and static nonces are refused.
 *
 * <p>Thread-safe. The request attribute under which adapters expose the nonce to templates is
 * {@value #NONCE_ATTRIBUTE}.
 */
public final class ContentSecurityPolicy {

  /** The request attribute holding the response's nonce (a {@code String}, base64). */
  public static final String NONCE_ATTRIBUTE = "dev.bulwark.csp.nonce";

  private final List<String> fragments;
  private final boolean reportOnly;
  private final String reportTo;
  private final Map<String, List<String>> directives;
  private final Set<String> nonceDirectives;
  private final boolean unsafeInlineFallback;

  private ContentSecurityPolicy(Builder builder, List<String> fragments) {
    this.fragments = List.copyOf(fragments);
    this.reportOnly = builder.reportOnly;
    this.reportTo = builder.reportTo;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    builder.directives.forEach((name, sources) -> copy.put(name, List.copyOf(sources)));
    this.directives = Collections.unmodifiableMap(copy);
    this.nonceDirectives = Set.copyOf(builder.nonceDirectives);
    this.unsafeInlineFallback = builder.unsafeInlineFallback;
  }

  /**
   * A new, empty builder. An empty policy cannot be built: add at least one directive.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the value carries a nonce slot.
   *
   * @return true when {@link #render(String)} needs a nonce
   */
  public boolean usesNonce() {
    return fragments.size() > 1;
  }

  /**
   * Whether the policy is sent as {@code Content-Security-Policy-Report-Only}.
   *
   * @return true in report-only mode
   */
  public boolean reportOnly() {
    return reportOnly;
  }

  /**
   * The header name this policy is sent under.
   *
   * @return {@code Content-Security-Policy} or {@code Content-Security-Policy-Report-Only}
   */
  public String headerName() {
    return reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
  }

  /**
   * The reporting endpoint name of the {@code report-to} directive.
   *
   * @return the name, or {@code ""} when the policy reports nowhere
   */
  public String reportTo() {
    return reportTo;
  }

  /**
   * The directives and their canonical sources, in the order they are rendered.
   *
   * @return directive name to sources (empty for a flag directive)
   */
  public Map<String, List<String>> directives() {
    return directives;
  }

  /**
   * The header value with {@code nonce} in every nonce slot.
   *
   * @param nonce the response's nonce (base64); ignored when {@link #usesNonce()} is false
   * @return the header value
   */
  public String render(String nonce) {
    if (fragments.size() == 1) {
      return fragments.get(0);
    }
    if (fragments.size() == 2) {   // one slot, the usual case: one exact-size allocation
      return fragments.get(0) + nonce + fragments.get(1);
    }
    int length = 0;
    for (String fragment : fragments) {
      length += fragment.length() + nonce.length();
    }
    StringBuilder out = new StringBuilder(length);
    out.append(fragments.get(0));
    for (int i = 1; i < fragments.size(); i++) {
      out.append(nonce).append(fragments.get(i));
    }
    return out.toString();
  }

  /**
   * The header value with the nonce slots shown as {@code {nonce}}, for logs and docs.
   *
   * @return the template
   */
  public String template() {
    return render("{nonce}");
  }

  /**
   * A builder starting from this policy's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    directives.forEach((name, sources) -> builder.directives.put(name, new ArrayList<>(sources)));
    builder.reportOnly = reportOnly;
    builder.reportTo = reportTo;
    builder.nonceDirectives.addAll(nonceDirectives);
    builder.unsafeInlineFallback = unsafeInlineFallback;
    return builder;
  }

  @Override
  public String toString() {
    return headerName() + ": " + template();
  }

  /** Collects directives; validates everything in {@link #build()}. Not thread-safe. */
  public static final class Builder {

    private final Map<String, List<String>> directives = new LinkedHashMap<>();
    private boolean reportOnly;
    private String reportTo = "";
    private final Set<String> nonceDirectives = new LinkedHashSet<>();
    private boolean unsafeInlineFallback;

    private Builder() {}

    /**
     * Adds sources to a directive (creating it); checked in {@link #build()}.
     *
     * @param name e.g. {@code img-src}
     * @param sources e.g. {@code 'self'}, {@code data:}
     * @return this builder
     */
    public Builder directive(String name, String... sources) {
      Objects.requireNonNull(name, "name");
      List<String> list = directives.computeIfAbsent(name, n -> new ArrayList<>());
      for (String source : sources) {
        list.add(Objects.requireNonNull(source, "source"));
      }
      return this;
    }

    /**
     * Sets a directive to {@code 'none'}, replacing any sources it had.
     *
     * @param name e.g. {@code object-src}
     * @return this builder
     */
    public Builder none(String name) {
      Objects.requireNonNull(name, "name");
      directives.put(name, new ArrayList<>(List.of("'none'")));
      return this;
    }

    /**
     * Adds a flag directive that takes no value, e.g. {@code upgrade-insecure-requests}.
     *
     * @param name {@code upgrade-insecure-requests}
     * @return this builder
     */
    public Builder flag(String name) {
      directives.put(Objects.requireNonNull(name, "name"), new ArrayList<>());
      return this;
    }

    /**
     * Makes {@code script-src} {@code 'nonce-<fresh>' 'strict-dynamic'}: only scripts carrying
     * the response's nonce run, and the scripts they load are trusted in turn. Host and
     * {@code 'self'} sources in {@code script-src} are then ignored by browsers.
     *
     * @return this builder
     */
    public Builder scriptNonce() {
      nonceDirectives.add("script-src");
      directives.computeIfAbsent("script-src", n -> new ArrayList<>());
      return this;
    }

    /**
     * Adds {@code 'nonce-<fresh>'} to {@code style-src}.
     *
     * @return this builder
     */
    public Builder styleNonce() {
      nonceDirectives.add("style-src");
      directives.computeIfAbsent("style-src", n -> new ArrayList<>());
      return this;
    }

    /**
     * Allows {@code 'unsafe-inline'} beside a nonce. Browsers that understand nonces ignore it;
     * only very old browsers would then run inline scripts. Off by default.
     *
     * @return this builder
     */
    public Builder allowUnsafeInlineFallback() {
      unsafeInlineFallback = true;
      return this;
    }

    /**
     * Sends the policy as {@code Content-Security-Policy-Report-Only}: violations are reported
     * but nothing is blocked.
     *
     * @return this builder
     */
    public Builder reportOnly() {
      reportOnly = true;
      return this;
    }

    /**
     * Adds {@code report-to <endpoint>}; the endpoint must be declared with
     * {@link SecurityHeadersPolicy.Builder#reportingEndpoint(String, String)}.
     *
     * @param endpoint the endpoint name, an RFC 9110 token
     * @return this builder
     */
    public Builder reportTo(String endpoint) {
      reportTo = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Validates and renders the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the directive and the fix, on any invalid setting
     */
    public ContentSecurityPolicy build() {
      if (directives.isEmpty() && nonceDirectives.isEmpty()) {
        throw new IllegalArgumentException("Content-Security-Policy: no directive; add at least"
            + " default-src, e.g. directive(\"default-src\", \"'self'\")");
      }
      if (!reportTo.isEmpty() && !HeaderTokens.isToken(reportTo)) {
        throw new IllegalArgumentException("Content-Security-Policy: report-to '" + reportTo
            + "' must be an endpoint name (letters, digits, '-', '_')");
      }
      for (String name : nonceDirectives) {
        directives.computeIfAbsent(name, n -> new ArrayList<>());
      }
      Map<String, List<String>> canonical = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> entry : directives.entrySet()) {
        canonical.put(entry.getKey(), CspDirectives.validate(entry.getKey(), entry.getValue(),
            nonceDirectives.contains(entry.getKey()), unsafeInlineFallback));
      }
      directives.clear();
      directives.putAll(canonical);
      return new ContentSecurityPolicy(this, render(canonical));
    }

    private List<String> render(Map<String, List<String>> canonical) {
      List<String> fragments = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (Map.Entry<String, List<String>> entry : canonical.entrySet()) {
        if (current.length() > 0 || !fragments.isEmpty()) {
          current.append("; ");
        }
        current.append(entry.getKey());
        if (nonceDirectives.contains(entry.getKey())) {
          current.append(" 'nonce-");
          fragments.add(current.toString());
          current.setLength(0);
          current.append('\'');
          if (entry.getKey().equals("script-src")) {
            current.append(" 'strict-dynamic'");
          }
        }
        for (String source : entry.getValue()) {
          if (!source.equals("'strict-dynamic'") || !nonceDirectives.contains(entry.getKey())) {
            current.append(' ').append(source);
          }
        }
      }
      if (!reportTo.isEmpty()) {
        current.append("; report-to ").append(reportTo);
      }
      fragments.add(current.toString());
      return fragments;
    }
  }
}
