package dev.bulwark.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which TCP peers are trusted to report the client's address, scheme and host, and in which
 * header. Immutable and thread-safe; build one at start-up.
 *
 * <p><b>Default: trust nobody</b> ({@link #none()}): every forwarding header is ignored and the
 * client is the TCP peer. This is right when clients connect directly and wrong behind a load
 * balancer (every client then has the balancer's address).
 *
 * <p><b>One header family.</b> A proxy writes either RFC 7239 {@code Forwarded} or the
 * {@code X-Forwarded-For/-Proto/-Host/-Port} family, and passes the other one through from the
 * client untouched. Reading both would let a client forge the family the proxy does not manage,
 * so a policy reads exactly one: {@link HeaderFamily#X_FORWARDED} unless you choose
 * {@link HeaderFamily#FORWARDED}.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.builder()
 *     .trust("10.0.0.0/8", "fd00::/8")          // your load balancers, not the internet
 *     .headers(TrustedProxies.HeaderFamily.X_FORWARDED)
 *     .build();
 * }</pre>
 */
public final class TrustedProxies {

  /** The header family a policy reads. */
  public enum HeaderFamily {
    /** {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port}. */
    X_FORWARDED,
    /** RFC 7239 {@code Forwarded} ({@code for}, {@code proto} and {@code host} parameters). */
    FORWARDED
  }

  /** The default {@link Builder#maxHops(int)}. */
  public static final int DEFAULT_MAX_HOPS = 16;

  private static final TrustedProxies NONE =
      new TrustedProxies(List.of(), HeaderFamily.X_FORWARDED, DEFAULT_MAX_HOPS);

  private final List<Cidr> trusted;
  private final HeaderFamily family;
  private final int maxHops;

  private TrustedProxies(List<Cidr> trusted, HeaderFamily family, int maxHops) {
    this.trusted = trusted;
    this.family = family;
    this.maxHops = maxHops;
  }

  /**
   * Trusts no peer: forwarding headers are always ignored.
   *
   * @return the empty policy
   */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Starts a policy.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code address} belongs to a trusted proxy.
   *
   * @param address an address
   * @return true if some trusted block contains it
   */
  public boolean isTrusted(IpAddress address) {
    for (Cidr cidr : trusted) {
      if (cidr.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any proxy is trusted.
   *
   * @return false for {@link #none()}
   */
  public boolean trustsAnyProxy() {
    return !trusted.isEmpty();
  }

  /**
   * The trusted blocks.
   *
   * @return an unmodifiable list
   */
  public List<Cidr> trusted() {
    return trusted;
  }

  /**
   * The header family read.
   *
   * @return the family
   */
  public HeaderFamily headerFamily() {
    return family;
  }

  /**
   * The most trusted proxies walked through before the resolver gives up.
   *
   * @return the hop limit
   */
  public int maxHops() {
    return maxHops;
  }

  @Override
  public String toString() {
    return "TrustedProxies" + trusted + " reading " + family;
  }

  /** Builds a {@link TrustedProxies}; not thread-safe. */
  public static final class Builder {
    private final List<String> blocks = new ArrayList<>();
    private HeaderFamily family = HeaderFamily.X_FORWARDED;
    private int maxHops = DEFAULT_MAX_HOPS;

    private Builder() {}

    /**
     * Trusts peers in these CIDR blocks (checked at {@link #build()}).
     *
     * @param cidrs blocks such as {@code 10.0.0.0/8}, {@code ::1}
     * @return this builder
     */
    public Builder trust(String... cidrs) {
      return trust(Arrays.asList(cidrs));
    }

    /**
     * Trusts peers in these CIDR blocks (checked at {@link #build()}).
     *
     * @param cidrs blocks such as {@code 10.0.0.0/8}, {@code ::1}
     * @return this builder
     */
    public Builder trust(Collection<String> cidrs) {
      for (String cidr : cidrs) {
        blocks.add(Objects.requireNonNull(cidr, "cidr"));
      }
      return this;
    }

    /**
     * Chooses the header family to read; {@link HeaderFamily#X_FORWARDED} by default.
     *
     * @param family the family your proxies write
     * @return this builder
     */
    public Builder headers(HeaderFamily family) {
      this.family = Objects.requireNonNull(family, "family");
      return this;
    }

    /**
     * Sets the most trusted hops walked (default {@value TrustedProxies#DEFAULT_MAX_HOPS}); a
     * longer chain of trusted addresses is treated as malformed.
     *
     * @param maxHops 1 to 64
     * @return this builder
     */
    public Builder maxHops(int maxHops) {
      this.maxHops = maxHops;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the policy
     * @throws IllegalArgumentException naming the bad setting and the fix
     */
    public TrustedProxies build() {
      if (maxHops < 1 || maxHops > 64) {
        throw new IllegalArgumentException(
            "trusted-proxies maxHops must be 1 to 64, got " + maxHops);
      }
      List<Cidr> parsed = new ArrayList<>();
      for (String block : blocks) {
        Cidr cidr;
        try {
          cidr = Cidr.parse(block);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("trusted-proxies: " + e.getMessage(), e);
        }
        if (cidr.prefixLength() == 0) {
          throw new IllegalArgumentException("trusted-proxies: '" + Cidr.printable(block)
              + "' trusts every address, so any client could forge its address; list only"
              + " the addresses of your own proxies or load balancers");
        }
        if (!parsed.contains(cidr)) {
          parsed.add(cidr);
        }
      }
      if (parsed.isEmpty()) {
        return family == HeaderFamily.X_FORWARDED && maxHops == DEFAULT_MAX_HOPS
            ? NONE : new TrustedProxies(List.of(), family, maxHops);
      }
      return new TrustedProxies(List.copyOf(parsed), family, maxHops);
    }
  }
}
