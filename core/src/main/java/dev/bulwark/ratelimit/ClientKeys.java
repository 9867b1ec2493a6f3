package dev.bulwark.ratelimit;

import dev.bulwark.http.IpAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ready-made {@link RateLimitKey}s. Each key is prefixed with its kind ({@code a:}, {@code p:},
 * {@code h:}, ...), so different kinds never collide, and is at most
 * {@value #MAX_KEY_LENGTH} characters: a longer value is replaced by its SHA-256 digest, so a
 * client cannot grow the key table's memory with long values.
 */
public final class ClientKeys {

  /** The longest key kept as is; longer values are hashed. */
  public static final int MAX_KEY_LENGTH = 128;

  /** The default IPv6 grouping: one /64 is one host's usual allocation. */
  public static final int DEFAULT_IPV6_PREFIX = 64;

  private static final RateLimitKey ADDRESS = address(DEFAULT_IPV6_PREFIX);
  private static final RateLimitKey GLOBAL = named("global", r -> "g");

  private ClientKeys() {}

  /**
   * The client address resolved behind trusted proxies, IPv6 addresses grouped by /64 (a host
   * usually owns a whole /64 and could otherwise rotate through it).
   *
   * @return the key
   */
  public static RateLimitKey address() {
    return ADDRESS;
  }

  /**
   * The client address, IPv6 addresses grouped by {@code ipv6Prefix} bits; IPv4 addresses are
   * never grouped.
   *
   * @param ipv6Prefix 1 to 128 (128: no grouping)
   * @return the key
   */
  public static RateLimitKey address(int ipv6Prefix) {
    if (ipv6Prefix < 1 || ipv6Prefix > 128) {
      throw new IllegalArgumentException("ipv6-prefix must be 1 to 128, got " + ipv6Prefix);
    }
    return named("address(/" + ipv6Prefix + ")",
        r -> "a:" + groupedAddress(r.client().address(), ipv6Prefix));
  }

  /**
   * The authenticated principal's name; anonymous requests are keyed by address, so they
   * cannot escape the limit by not logging in.
   *
   * @return the key
   */
  public static RateLimitKey principal() {
    return named("principal", r -> {
      String principal = r.principal();
      return principal == null ? ADDRESS.keyFor(r) : "p:" + bounded(principal);
    });
  }

  /**
   * The value of a request header, typically an API key; requests without it are keyed by
   * address. Use it only for a header the client cannot change at will without losing access
   * (a credential checked downstream), otherwise each request could bring a fresh key.
   *
   * @param name the header name
   * @return the key
   */
  public static RateLimitKey header(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > 64 || !name.chars().allMatch(ClientKeys::isTchar)) {
      throw new IllegalArgumentException("header name must be an HTTP token of 1 to 64"
          + " characters, e.g. X-Api-Key");
    }
    return named("header(" + name + ")", r -> {
      @Nullable String value = r.view().header(name);
      return value == null || value.isEmpty() ? ADDRESS.keyFor(r) : "h:" + digest(value);
    });
  }

  /**
   * The request path: one allowance per path, shared by every client. Combine it with a
   * client key ({@link #composite}) for a per-client, per-path limit.
   *
   * @return the key
   */
  public static RateLimitKey path() {
    return named("path", r -> "u:" + bounded(r.view().path()));
  }

  /**
   * One allowance shared by every request.
   *
   * @return the key
   */
  public static RateLimitKey global() {
    return GLOBAL;
  }

  /**
   * Several keys joined: a request is counted under the combination.
   *
   * @param keys at least one key
   * @return the key
   */
  public static RateLimitKey composite(RateLimitKey... keys) {
    List<RateLimitKey> parts = List.of(keys);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("composite needs at least one key");
    }
    return named("composite" + parts, r -> {
      StringBuilder out = new StringBuilder("c:");
      for (RateLimitKey part : parts) {
        out.append(part.keyFor(r)).append('|');
      }
      return bounded(out.toString());
    });
  }

  /**
   * The address text an IPv6 address is counted under: its first {@code prefix} bits.
   *
   * @param address the address
   * @param prefix 1 to 128
   * @return IPv4 text unchanged, IPv6 as {@code network/prefix}
   */
  static String groupedAddress(IpAddress address, int prefix) {
    if (address.isIpv4() || prefix == 128) {
      return address.toString();
    }
    byte[] bytes = address.toBytes();
    for (int bit = prefix; bit < 128; bit++) {
      bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return IpAddress.ofBytes(bytes) + "/" + prefix;
  }

  /**
   * The value as is when short and printable ASCII, otherwise {@code #} and its SHA-256 digest.
   *
   * @param value any text
   * @return at most {@value #MAX_KEY_LENGTH} characters
   */
  static String bounded(String value) {
    if (value.length() <= MAX_KEY_LENGTH && !value.startsWith("#")
        && value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return value;
    }
    return digest(value);
  }

  /** SHA-256, base64url, prefixed with {@code #}: for values that must not be stored as is. */
  static String digest(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8));
      return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static boolean isTchar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static RateLimitKey named(String description, RateLimitKey key) {
    return new RateLimitKey() {
      @Override
      public String keyFor(RateLimitRequest request) {
        return key.keyFor(request);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
