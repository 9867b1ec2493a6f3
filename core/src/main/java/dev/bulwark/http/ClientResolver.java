package dev.bulwark.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Resolves who the client is behind trusted proxies: its address, and the scheme, host and port
 * it used. Every Bulwark engine takes its answer from here, so the question is answered once,
 * the same way, for CORS, the HTTPS redirect, HSTS and rate limiting.
 *
 * <h2>Algorithm</h2>
 *
 * <ol>
 *   <li>If the TCP peer is not in {@link TrustedProxies}, every forwarding header is ignored:
 *       the client is the peer, with the request's own scheme, host and port.
 *   <li>Otherwise the configured header family is walked <em>right to left</em> (nearest proxy
 *       first). Each entry is the address of the node that talked to the proxy that wrote it.
 *       The walk stops at the first address that is not a trusted proxy: that is the client.
 *       If every entry is trusted, the client is the left-most one.
 *   <li>Scheme and host come from the same hop: for RFC 7239, the {@code proto} and
 *       {@code host} of the element that named the client; for {@code X-Forwarded-Proto},
 *       {@code -Host} and {@code -Port}, the single value when the proxy overwrote the header,
 *       or the entry at the client's position counted from the right when proxies appended.
 * </ol>
 *
 * <p><b>Bad input never throws.</b> When a value the walk must read is malformed, or the chain
 * is ambiguous or longer than {@link TrustedProxies#maxHops()}, the resolver ignores all
 * forwarding headers of the request, answers with the peer's own values, and reports the
 * {@link ForwardedProblem} to the {@link ResolutionListener} (by default: logged once per kind).
 * Entries left of the client are never parsed, so padding a header changes nothing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClientResolver {

  private static final IpAddress UNSPECIFIED = IpAddress.ofBytes(new byte[16]);
  private static final ClientResolver DIRECT =
      new ClientResolver(TrustedProxies.none(), ResolutionListener.silent());

  private final TrustedProxies proxies;
  private final ResolutionListener listener;

  private ClientResolver(TrustedProxies proxies, ResolutionListener listener) {
    this.proxies = proxies;
    this.listener = listener;
  }

  /**
   * A resolver that trusts no proxy: the client is always the TCP peer.
   *
   * @return the shared direct resolver
   */
  public static ClientResolver direct() {
    return DIRECT;
  }

  /**
   * A resolver for these proxies, logging problems once per kind.
   *
   * @param proxies the trusted proxies
   * @return a resolver
   */
  public static ClientResolver of(TrustedProxies proxies) {
    return of(proxies, ResolutionListener.logOncePerProblem());
  }

  /**
   * A resolver for these proxies, reporting problems to {@code listener}.
   *
   * @param proxies the trusted proxies
   * @param listener receives every ignored header set
   * @return a resolver
   */
  public static ClientResolver of(TrustedProxies proxies, ResolutionListener listener) {
    return new ClientResolver(
        Objects.requireNonNull(proxies, "proxies"), Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The trusted proxies.
   *
   * @return the policy this resolver applies
   */
  public TrustedProxies proxies() {
    return proxies;
  }

  /**
   * Resolves the client of a request. Never throws because of header content.
   *
   * @param request the request
   * @return the client
   */
  public ResolvedClient resolve(HttpRequestView request) {
    IpAddress peer = IpAddress.tryParse(request.remoteAddress());
    if (peer == null) {
      listener.onProblem(ForwardedProblem.UNPARSABLE_PEER_ADDRESS, UNSPECIFIED);
      return own(request, UNSPECIFIED);
    }
    if (!proxies.isTrusted(peer)) {
      return own(request, peer);
    }
    try {
      return proxies.headerFamily() == TrustedProxies.HeaderFamily.FORWARDED
          ? fromForwarded(request, peer)
          : fromXForwarded(request, peer);
    } catch (Malformed e) {
      listener.onProblem(e.problem, peer);
      return own(request, peer);
    }
  }

  private static ResolvedClient own(HttpRequestView request, IpAddress address) {
    return new ResolvedClient(
        address, request.scheme(), request.host(), requestPort(request), false);
  }

  /**
   * The request's own port; a container may pass through a {@code Host} port it did not
   * validate (Tomcat reports {@code Host: a:99999} as port 99999), which is then replaced by
   * the scheme's default instead of failing the request.
   */
  private static int requestPort(HttpRequestView request) {
    int port = request.port();
    return port >= 1 && port <= 65535 ? port : ResolvedClient.defaultPort(request.scheme());
  }

  private ResolvedClient fromXForwarded(HttpRequestView request, IpAddress peer)
      throws Malformed {
    List<String> xff = request.headers("X-Forwarded-For");
    IpAddress client = peer;
    int hops = 0;
    if (!xff.isEmpty()) {
      ForwardedElements entries = new ForwardedElements(xff);
      IpAddress leftmost = null;
      boolean found = false;
      String entry;
      while ((entry = next(entries, ForwardedProblem.MALFORMED_X_FORWARDED_FOR)) != null) {
        IpAddress address = ForwardedElements.parseNode(entry);
        if (address == null) {
          throw new Malformed(ForwardedElements.isUnknownOrObfuscated(entry)
              ? ForwardedProblem.UNKNOWN_CLIENT_IDENTIFIER
              : ForwardedProblem.MALFORMED_X_FORWARDED_FOR);
        }
        hops++;
        if (!proxies.isTrusted(address)) {
          client = address;
          found = true;
          break;
        }
        if (hops > proxies.maxHops()) {
          throw new Malformed(ForwardedProblem.TOO_MANY_HOPS);
        }
        leftmost = address;
      }
      if (!found && leftmost != null) {
        client = leftmost;
      }
    }
    int position = Math.max(hops, 1);
    String proto = pick(request.headers("X-Forwarded-Proto"), position);
    String host = pick(request.headers("X-Forwarded-Host"), position);
    String portText = pick(request.headers("X-Forwarded-Port"), position);
    int port = -1;
    if (portText != null) {
      port = HostSyntax.parsePort(portText, 0, portText.length());
      if (port < 0) {
        throw new Malformed(ForwardedProblem.MALFORMED_PORT);
      }
    }
    boolean forwarded = !xff.isEmpty() || proto != null || host != null || portText != null;
    return build(request, client, proto, host, port, forwarded);
  }

  private ResolvedClient fromForwarded(HttpRequestView request, IpAddress peer)
      throws Malformed {
    List<String> lines = request.headers("Forwarded");
    if (lines.isEmpty()) {
      return own(request, peer);
    }
    ForwardedElements elements = new ForwardedElements(lines);
    String[] params = new String[3];
    String[] chosen = null;
    IpAddress client = peer;
    int hops = 0;
    String element;
    while ((element = next(elements, ForwardedProblem.MALFORMED_FORWARDED)) != null) {
      if (!ForwardedElements.parseForwardedElement(element, params) || params[0] == null) {
        throw new Malformed(ForwardedProblem.MALFORMED_FORWARDED);
      }
      IpAddress address = ForwardedElements.parseNode(params[0]);
      if (address == null) {
        throw new Malformed(ForwardedElements.isUnknownOrObfuscated(params[0])
            ? ForwardedProblem.UNKNOWN_CLIENT_IDENTIFIER
            : ForwardedProblem.MALFORMED_FORWARDED);
      }
      hops++;
      client = address;
      chosen = params.clone();
      if (!proxies.isTrusted(address)) {
        break;
      }
      if (hops > proxies.maxHops()) {
        throw new Malformed(ForwardedProblem.TOO_MANY_HOPS);
      }
    }
    if (chosen == null) {
      return own(request, peer);
    }
    return build(request, client, chosen[1], chosen[2], -1, true);
  }

  private static ResolvedClient build(HttpRequestView request, IpAddress client,
      @Nullable String proto, @Nullable String hostText, int explicitPort, boolean forwarded)
      throws Malformed {
    String scheme = request.scheme();
    if (proto != null) {
      if (Ascii.equalsIgnoreCase(proto, "https")) {
        scheme = "https";
      } else if (Ascii.equalsIgnoreCase(proto, "http")) {
        scheme = "http";
      } else {
        throw new Malformed(ForwardedProblem.MALFORMED_PROTO);
      }
    }
    String host = request.host();
    int port = explicitPort;
    if (hostText != null) {
      HostSyntax.HostPort hostPort = HostSyntax.parseHostPort(hostText);
      if (hostPort == null) {
        throw new Malformed(ForwardedProblem.MALFORMED_HOST);
      }
      host = hostPort.host();
      if (port < 0) {
        port = hostPort.port();
      }
    }
    if (port < 0) {
      port = proto != null || hostText != null
          ? ResolvedClient.defaultPort(scheme) : requestPort(request);
    }
    return new ResolvedClient(client, scheme, host, port, forwarded);
  }

  private static @Nullable String next(ForwardedElements elements, ForwardedProblem problem)
      throws Malformed {
    try {
      return elements.previous();
    } catch (IllegalArgumentException e) {
      throw new Malformed(problem);
    }
  }

  /**
   * The value for the hop at {@code position} (1 = nearest): the only value when there is
   * one, else the entry at that position from the right.
   */
  private static @Nullable String pick(List<String> lines, int position) throws Malformed {
    if (lines.isEmpty()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      for (String part : line.split(",", -1)) {
        values.add(part.strip());
      }
    }
    String value;
    if (values.size() == 1) {
      value = values.get(0);
    } else if (values.size() >= position) {
      value = values.get(values.size() - position);
    } else {
      throw new Malformed(ForwardedProblem.AMBIGUOUS_HOP_VALUES);
    }
    if (value.isEmpty()) {
      throw new Malformed(ForwardedProblem.AMBIGUOUS_HOP_VALUES);
    }
    return value;
  }

  @Override
  public String toString() {
    return "ClientResolver[" + proxies + "]";
  }

  /** Internal control flow for "ignore the headers"; never escapes {@link #resolve}. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final ForwardedProblem problem;

    Malformed(ForwardedProblem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }
  }
}
