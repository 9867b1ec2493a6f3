package dev.bulwark.headers;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link SecurityHeadersPolicy} to requests. Every combination of per-path profiles
 * ({@code no-store} or not, times each {@code Clear-Site-Data} path or none) is rendered once,
 * here; a decision only picks the combination for the path and, when the CSP has a nonce slot,
 * draws a fresh nonce of {@value #NONCE_BYTES} bytes (144 bits) from the injected
 * {@link SecureRandom}. Without a nonce, the decisions themselves are built here and a request
 * allocates nothing; with one, the randomness is drawn in blocks (see {@code NonceSource}) and a
 * request allocates the nonce and the CSP value. Thread-safe.
 */
public final class SecurityHeadersEngine {

  /** Random bytes per nonce: 144 bits, 24 base64 characters without padding. */
  public static final int NONCE_BYTES = 18;

  private final SecurityHeadersPolicy policy;
  private final @Nullable NonceSource nonces;
  private final @Nullable ContentSecurityPolicy nonceCsp;
  private final PathPattern[] noStore;
  private final PathPattern[] clearSiteData;
  private final SecurityHeadersDecision.Rendered[] profiles;
  /** Per profile, the decision itself when the CSP has no nonce; else null. */
  private final @Nullable SecurityHeadersDecision[] fixed;

  private SecurityHeadersEngine(SecurityHeadersPolicy policy, SecureRandom random) {
    this.policy = policy;
    ContentSecurityPolicy csp = policy.contentSecurityPolicy();
    boolean nonce = csp != null && csp.usesNonce();
    this.nonceCsp = nonce ? csp : null;
    this.nonces = nonce ? new NonceSource(random) : null;
    this.noStore = policy.noStorePaths().toArray(PathPattern[]::new);
    this.clearSiteData = policy.clearSiteDataPaths().keySet().toArray(PathPattern[]::new);
    List<String> clearValues = new ArrayList<>(policy.clearSiteDataPaths().values());
    this.profiles = new SecurityHeadersDecision.Rendered[2 * (clearSiteData.length + 1)];
    for (int clear = -1; clear < clearSiteData.length; clear++) {
      for (int store = 0; store < 2; store++) {
        profiles[index(store == 1, clear)] =
            render(store == 1, clear < 0 ? null : clearValues.get(clear));
      }
    }
    this.fixed = new SecurityHeadersDecision[profiles.length];
    if (!nonce) {
      for (int i = 0; i < profiles.length; i++) {
        fixed[i] = new SecurityHeadersDecision(profiles[i], null, null, policy);
      }
    }
  }

  /**
   * An engine for a policy.
   *
   * @param policy the policy
   * @param random the source of nonces; one shared {@code new SecureRandom()} in production
   * @return the engine
   */
  public static SecurityHeadersEngine of(SecurityHeadersPolicy policy, SecureRandom random) {
    return new SecurityHeadersEngine(Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(random, "random"));
  }

  @Override
  public String toString() {
    return "SecurityHeadersEngine[" + policy + "]";
  }

  /**
   * Decides the headers of one response.
   *
   * @param path the path the application routes on: decoded, normalised, without the context
   *     path or path parameters (Servlet adapters pass {@code servletPath + pathInfo})
   * @return the decision, with a fresh nonce when the CSP uses one
   */
  public SecurityHeadersDecision decide(String path) {
    Objects.requireNonNull(path, "path");
    boolean store = false;
    for (PathPattern pattern : noStore) {
      if (pattern.matches(path)) {
        store = true;
        break;
      }
    }
    int clear = -1;
    for (int i = 0; i < clearSiteData.length; i++) {
      if (clearSiteData[i].matches(path)) {
        clear = i;
        break;
      }
    }
    int profile = index(store, clear);
    SecurityHeadersDecision decision = fixed[profile];
    if (decision != null) {
      return decision;
    }
    String nonce = Objects.requireNonNull(nonces).next();
    return new SecurityHeadersDecision(profiles[profile], nonce,
        Objects.requireNonNull(nonceCsp).render(nonce), policy);
  }

  private static int index(boolean store, int clear) {
    return (store ? 1 : 0) + 2 * (clear + 1);
  }

  private SecurityHeadersDecision.Rendered render(boolean store, @Nullable String clearValue) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int cspIndex = -1;
    ContentSecurityPolicy csp = policy.contentSecurityPolicy();
    if (csp != null) {
      cspIndex = names.size();
      names.add(csp.headerName());
      values.add(csp.usesNonce() ? "" : csp.render(""));
    }
    for (Map.Entry<String, String> header : policy.headers().entrySet()) {
      names.add(header.getKey());
      values.add(header.getValue());
    }
    if (store) {
      names.add("Cache-Control");
      values.add("no-store");
    }
    if (clearValue != null) {
      names.add("Clear-Site-Data");
      values.add(clearValue);
    }
    boolean[] overwrite = new boolean[names.size()];
    for (int i = 0; i < overwrite.length; i++) {
      overwrite[i] = policy.overwrites(names.get(i));
    }
    return new SecurityHeadersDecision.Rendered(names.toArray(String[]::new),
        values.toArray(String[]::new), overwrite,
        csp != null && csp.usesNonce() ? cspIndex : -1);
  }
}
