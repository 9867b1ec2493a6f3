package dev.bulwark.http;

/**
 * Why {@link ClientResolver} ignored the forwarding headers of a trusted peer and fell back to
 * the peer's own values.
 */
public enum ForwardedProblem {
  /** An {@code X-Forwarded-For} entry that had to be read is not an IP address. */
  MALFORMED_X_FORWARDED_FOR,
  /** A {@code Forwarded} element that had to be read does not follow RFC 7239. */
  MALFORMED_FORWARDED,
  /** The client's node identifier is {@code unknown} or obfuscated, not an IP address. */
  UNKNOWN_CLIENT_IDENTIFIER,
  /** A forwarded scheme is neither {@code http} nor {@code https}. */
  MALFORMED_PROTO,
  /** A forwarded host is not a host name or IP literal with an optional port. */
  MALFORMED_HOST,
  /** A forwarded port is not 1 to 65535. */
  MALFORMED_PORT,
  /** Per-hop headers do not line up with the chain of proxies, so no value can be trusted. */
  AMBIGUOUS_HOP_VALUES,
  /** More trusted proxies than {@link TrustedProxies#maxHops()} were chained. */
  TOO_MANY_HOPS,
  /** The peer's own address from the container is not an IP literal. */
  UNPARSABLE_PEER_ADDRESS
}
