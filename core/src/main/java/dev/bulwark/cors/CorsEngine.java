package dev.bulwark.cors;

import dev.bulwark.http.Ascii;
import dev.bulwark.cors.CorsDecision.Kind;
import dev.bulwark.cors.CorsDecision.Reason;
import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.HeaderTokens;
import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.Origin;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link CorsPolicy} to requests. Framework-neutral: an adapter supplies the request
 * view and writes the returned {@link CorsDecision}.
 *
 * <p>Order of checks: no {@code Origin} is not CORS; several {@code Origin} values are
 * rejected; an allowed origin (exact list first, without parsing, then patterns) is allowed;
 * {@code null} only when allowed by name; anything else is parsed strictly, compared with the
 * application's own origin as {@link ClientResolver} resolves it (same origin passes), and
 * otherwise rejected. Preflights additionally check the requested method, headers and
 * Private Network Access.
 *
 * <p>The allowed path for an exactly listed origin allocates nothing: the decision is
 * precomputed per origin. Instances are immutable and thread-safe.
 */
public final class CorsEngine {

  private final CorsPolicy policy;
  private final ClientResolver resolver;
  private final Map<String, CorsDecision> allowedByOrigin = new HashMap<>();
  private final Map<Reason, CorsDecision> rejectedActual = new EnumMap<>(Reason.class);
  private final Map<Reason, CorsDecision> rejectedPreflight = new EnumMap<>(Reason.class);
  private final CorsDecision notCors;
  private final CorsDecision sameOrigin;
  private final CorsDecision sameOriginPreflight;
  private final CorsDecision allowedAny;

  private CorsEngine(CorsPolicy policy, ClientResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
    for (String origin : policy.exactOrigins.keySet()) {
      allowedByOrigin.put(origin,
          new CorsDecision(Kind.ALLOWED, Reason.NONE, false, policy, origin, null, false));
    }
    for (Reason reason : Reason.values()) {
      rejectedActual.put(reason,
          new CorsDecision(Kind.REJECTED, reason, false, policy, null, null, false));
      rejectedPreflight.put(reason,
          new CorsDecision(Kind.REJECTED, reason, true, policy, null, null, false));
    }
    this.notCors = new CorsDecision(Kind.NOT_CORS, Reason.NONE, false, policy, null, null, false);
    this.sameOrigin =
        new CorsDecision(Kind.SAME_ORIGIN, Reason.NONE, false, policy, null, null, false);
    this.sameOriginPreflight =
        new CorsDecision(Kind.SAME_ORIGIN, Reason.NONE, true, policy, null, null, false);
    this.allowedAny = new CorsDecision(Kind.ALLOWED, Reason.NONE, false, policy, "*", null, false);
  }

  /**
   * An engine for a policy, judging same-origin requests with {@code resolver}.
   *
   * @param policy the policy
   * @param resolver resolves the application's own scheme, host and port behind proxies
   * @return the engine
   */
  public static CorsEngine of(CorsPolicy policy, ClientResolver resolver) {
    return new CorsEngine(
        Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * An engine for a policy, for applications reached directly (no trusted proxy).
   *
   * @param policy the policy
   * @return the engine
   */
  public static CorsEngine of(CorsPolicy policy) {
    return of(policy, ClientResolver.direct());
  }

  /**
   * The policy applied.
   *
   * @return the policy
   */
  public CorsPolicy policy() {
    return policy;
  }

  /**
   * Decides one request. Never throws because of request content.
   *
   * @param request the request
   * @return the decision
   */
  public CorsDecision decide(HttpRequestView request) {
    List<String> origins = request.headers("Origin");
    if (origins.isEmpty()) {
      return notCors;
    }
    boolean preflight = request.method().equals("OPTIONS")
        && !request.headers("Access-Control-Request-Method").isEmpty();
    if (origins.size() > 1) {
      return rejected(Reason.MULTIPLE_ORIGINS, preflight);
    }
    String raw = origins.get(0);
    String allowOrigin;
    CorsDecision exact = allowedByOrigin.get(raw);
    if (exact != null) {
      if (!preflight) {
        return exact;
      }
      allowOrigin = raw;
    } else if (raw.equals("null")) {
      if (!policy.nullOrigin && !policy.anyOrigin) {
        return rejected(Reason.ORIGIN_NOT_ALLOWED, preflight);
      }
      allowOrigin = policy.anyOrigin ? "*" : "null";
    } else {
      Origin origin;
      try {
        origin = Origin.parse(raw);
      } catch (IllegalArgumentException e) {
        return rejected(looksLikeSeveralOrigins(raw)
            ? Reason.MULTIPLE_ORIGINS : Reason.MALFORMED_ORIGIN, preflight);
      }
      if (policy.anyOrigin) {
        allowOrigin = "*";
      } else if (policy.allows(origin)) {
        allowOrigin = origin.serialized();
      } else if (origin.isSameOriginAs(resolver.resolve(request))) {
        return preflight ? sameOriginPreflight : sameOrigin;
      } else {
        return rejected(Reason.ORIGIN_NOT_ALLOWED, preflight);
      }
    }
    if (!preflight) {
      return allowOrigin.equals("*") ? allowedAny
          : new CorsDecision(Kind.ALLOWED, Reason.NONE, false, policy, allowOrigin, null, false);
    }
    return preflight(request, allowOrigin);
  }

  private CorsDecision preflight(HttpRequestView request, String allowOrigin) {
    List<String> methods = request.headers("Access-Control-Request-Method");
    String method = methods.get(0).strip();
    if (methods.size() > 1 || !HeaderTokens.isToken(method)) {
      return rejected(Reason.MALFORMED_PREFLIGHT, true);
    }
    if (!policy.methods.contains(method)) {
      return rejected(Reason.METHOD_NOT_ALLOWED, true);
    }
    @Nullable StringBuilder echoed = policy.anyHeader ? new StringBuilder() : null;
    int count = 0;
    for (String line : request.headers("Access-Control-Request-Headers")) {
      for (String part : line.split(",", -1)) {
        String name = part.strip();
        if (name.isEmpty()) {
          continue; // "a, , b" and an empty header are tolerated, as browsers never send them
        }
        if (!HeaderTokens.isToken(name) || ++count > CorsPolicy.MAX_REQUEST_HEADERS) {
          return rejected(Reason.MALFORMED_PREFLIGHT, true);
        }
        String lower = Ascii.toLowerCase(name);
        if (echoed != null) {
          if (echoed.length() > 0) {
            echoed.append(", ");
          }
          echoed.append(lower);
        } else if (!policy.headers.contains(lower)) {
          return rejected(Reason.HEADERS_NOT_ALLOWED, true);
        }
      }
    }
    boolean privateNetwork = false;
    String pna = request.header("Access-Control-Request-Private-Network");
    if (pna != null && Ascii.equalsIgnoreCase(pna.strip(), "true")) {
      if (!policy.privateNetwork) {
        return rejected(Reason.PRIVATE_NETWORK_NOT_ALLOWED, true);
      }
      privateNetwork = true;
    }
    String allowHeaders = echoed != null
        ? (echoed.length() == 0 ? null : echoed.toString()) : policy.headersValue;
    return new CorsDecision(Kind.PREFLIGHT_ALLOWED, Reason.NONE, true, policy, allowOrigin,
        allowHeaders, privateNetwork);
  }

  /** A list separator in an otherwise printable value; control characters mean malformed. */
  private static boolean looksLikeSeveralOrigins(String raw) {
    boolean separator = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
      separator |= c == ',' || c == ' ';
    }
    return separator;
  }

  private CorsDecision rejected(Reason reason, boolean preflight) {
    return (preflight ? rejectedPreflight : rejectedActual).get(reason);
  }

  @Override
  public String toString() {
    return "CorsEngine[" + policy + "]";
  }
}
