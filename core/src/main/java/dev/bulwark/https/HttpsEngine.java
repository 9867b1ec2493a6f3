package dev.bulwark.https;

import dev.bulwark.http.ClientResolver;
import dev.bulwark.http.HostHeader;
import dev.bulwark.http.HttpRequestView;
import dev.bulwark.http.ResolvedClient;
import dev.bulwark.https.RedirectDecision.Kind;
import dev.bulwark.https.RedirectDecision.Reason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies an {@link HttpsPolicy} to requests and returns a {@link RedirectDecision}.
 *
 * <p>Order of checks: the client's scheme comes from {@link ClientResolver} (an
 * {@code X-Forwarded-Proto: https} counts only from a trusted proxy): secure requests pass on
 * with HSTS. A plain request on an excluded path passes on without HSTS. Otherwise the
 * {@code Host} header must be exactly one well-formed value ({@link HostHeader}), and the host
 * the client addressed (from a trusted proxy's {@code X-Forwarded-Host}, else {@code Host})
 * must be one of the policy's hosts, else 400. The target is {@code https://} plus the
 * policy's own copy of that host, the mapped port (omitted when 443) and the re-encoded path
 * and query.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HttpsEngine {

  private final HttpsPolicy policy;
  private final ClientResolver resolver;
  private final Map<String, String> prefixByHost = new HashMap<>();
  private final RedirectDecision secure;
  private final RedirectDecision excluded;
  private final Map<Reason, RedirectDecision> rejected = new EnumMap<>(Reason.class);

  private HttpsEngine(HttpsPolicy policy, ClientResolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
    for (String host : policy.hosts) {
      prefixByHost.put(host, "https://" + host);
    }
    this.secure = new RedirectDecision(Kind.SECURE, Reason.NONE, 0, null,
        policy.hstsHeaderValue());
    this.excluded = new RedirectDecision(Kind.EXCLUDED, Reason.NONE, 0, null, null);
    for (Reason reason : Reason.values()) {
      rejected.put(reason, new RedirectDecision(Kind.REJECTED, reason, 400, null, null));
    }
  }

  /**
   * An engine for a policy, resolving scheme, host and port with {@code resolver}.
   *
   * @param policy the policy
   * @param resolver resolves what the client used behind trusted proxies
   * @return the engine
   */
  public static HttpsEngine of(HttpsPolicy policy, ClientResolver resolver) {
    return new HttpsEngine(
        Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(resolver, "resolver"));
  }

  /**
   * The policy applied.
   *
   * @return the policy
   */
  public HttpsPolicy policy() {
    return policy;
  }

  /**
   * Decides one request. Never throws because of request content.
   *
   * @param request the request
   * @return the decision
   */
  public RedirectDecision decide(HttpRequestView request) {
    ResolvedClient client = resolver.resolve(request);
    if (client.secure()) {
      return secure;
    }
    if (!request.ambiguousPath() && policy.excluded.matches(request.routingPath())) {
      return excluded;
    }
    List<String> hostLines = request.headers("Host");
    if (hostLines.size() > 1) {
      return rejected.get(Reason.MALFORMED_HOST);
    }
    String host = client.host();
    if (hostLines.size() == 1) {
      HostHeader parsed;
      try {
        parsed = HostHeader.parse(hostLines.get(0));
      } catch (IllegalArgumentException e) {
        return rejected.get(Reason.MALFORMED_HOST);
      }
      if (!client.forwarded()) {
        host = parsed.host();
      }
    }
    String prefix = prefixByHost.get(host);
    if (prefix == null) {
      return rejected.get(Reason.HOST_NOT_ALLOWED);
    }
    int port = policy.portMap.getOrDefault(client.port(), policy.httpsPort);
    StringBuilder location = new StringBuilder(prefix.length() + 64).append(prefix);
    if (port != 443) {
      location.append(':').append(port);
    }
    if (!RedirectTarget.append(location, request.path(), request.query())) {
      return rejected.get(Reason.MALFORMED_TARGET);
    }
    String method = request.method();
    int status = method.equals("GET") || method.equals("HEAD") ? policy.status
        : policy.status == 307 ? 307 : 308;
    return new RedirectDecision(Kind.REDIRECT, Reason.NONE, status, location.toString(), null);
  }

  @Override
  public String toString() {
    return "HttpsEngine[" + policy + ", " + resolver + "]";
  }
}
