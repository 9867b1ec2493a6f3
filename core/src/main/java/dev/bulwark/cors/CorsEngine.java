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
 * <p>For an exactly listed origin, the allowed actual request and the allowed preflight (without
 * Private Network Access or any-header echoing) allocate nothing in the engine: decisions are
 * precomputed per origin and header lists are scanned in place; see
 * {@code CorsEngineBenchmark} for the measured bytes per operation. Instances are immutable and thread-safe.
 */
public final class CorsEngine {

  private final CorsPolicy policy;
  private final ClientResolver resolver;
  private final Map<String, CorsDecision> allowedByOrigin = new HashMap<>();
  private final Map<String, CorsDecision> preflightByOrigin = new HashMap<>();
  private final String[] allowedHeaders;
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
      preflightByOrigin.put(origin, new CorsDecision(Kind.PREFLIGHT_ALLOWED, Reason.NONE, true,
          policy, origin, policy.headersValue, false));
    }
    this.allowedHeaders = policy.headers.toArray(String[]::new);
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
      } else if (isSameOrigin(origin, request)) {
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
    @Nullable StringBuilder echoed = null;
    int count = 0;
    for (String line : request.headers("Access-Control-Request-Headers")) {
      int n = line.length();
      int i = 0;
      while (i < n) {
        int end = line.indexOf(',', i);
        if (end < 0) {
          end = n;
        }
        int start = i;
        int stop = end;
        while (start < stop && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
          start++;
        }
        while (stop > start && (line.charAt(stop - 1) == ' ' || line.charAt(stop - 1) == '\t')) {
          stop--;
        }
        i = end + 1;
        if (start == stop) {
          continue; // "a, , b" and an empty header are tolerated, as browsers never send them
        }
        if (!isToken(line, start, stop) || ++count > CorsPolicy.MAX_REQUEST_HEADERS) {
          return rejected(Reason.MALFORMED_PREFLIGHT, true);
        }
        if (policy.anyHeader) {
          if (echoed == null) {
            echoed = new StringBuilder(64);
          } else {
            echoed.append(", ");
          }
          for (int k = start; k < stop; k++) {
            char c = line.charAt(k);
            echoed.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
          }
        } else if (!isAllowedHeader(line, start, stop)) {
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
    if (policy.anyHeader) {
      return new CorsDecision(Kind.PREFLIGHT_ALLOWED, Reason.NONE, true, policy, allowOrigin,
          echoed == null ? null : echoed.toString(), privateNetwork);
    }
    CorsDecision cached = privateNetwork ? null : preflightByOrigin.get(allowOrigin);
    return cached != null ? cached : new CorsDecision(Kind.PREFLIGHT_ALLOWED, Reason.NONE, true,
        policy, allowOrigin, policy.headersValue, privateNetwork);
  }

  /** Token syntax over {@code s[from, to)}, ASCII only. */
  private static boolean isToken(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!HeaderTokens.isToken(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s[from, to)} names an allowed header. The region is an ASCII token (checked
   * before), so the case-insensitive comparison cannot fold a non-ASCII look-alike.
   */
  private boolean isAllowedHeader(String s, int from, int to) {
    int length = to - from;
    for (String allowed : allowedHeaders) {
      if (allowed.length() == length && s.regionMatches(true, from, allowed, 0, length)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the request comes from the application's own origin. Without trusted proxies the
   * request's own scheme, host and port decide, with no allocation; otherwise the resolver.
   */
  private boolean isSameOrigin(Origin origin, HttpRequestView request) {
    if (!resolver.proxies().trustsAnyProxy()) {
      return origin.port() == request.port()
          && origin.scheme().equals(Ascii.toLowerCase(request.scheme()))
          && origin.host().equals(Ascii.toLowerCase(request.host()));
    }
    return origin.isSameOriginAs(resolver.resolve(request));
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
