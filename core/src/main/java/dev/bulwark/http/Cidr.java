package dev.bulwark.http;

import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 * A bare address is a block of one ({@code /32} or {@code /128}).
 *
 * <p>Parsing is strict: the address must be a literal (see {@link IpAddress}), the prefix length
 * must fit the family, and no host bit may be set below the prefix ({@code 10.0.0.1/8} is
 * refused, because it usually means a typo). Instances are immutable and thread-safe.
 */
public final class Cidr {

  private final IpAddress network;
  private final int prefixLength;

  private Cidr(IpAddress network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses CIDR notation.
   *
   * @param text e.g. {@code 192.168.0.0/16}, {@code ::1/128} or {@code 203.0.113.7}
   * @return the block
   * @throws IllegalArgumentException naming what is wrong and how to write it instead
   */
  public static Cidr parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
    IpAddress address = IpAddress.tryParse(addressText);
    if (address == null) {
      throw new IllegalArgumentException("'" + printable(text)
          + "' is not a CIDR block: expected an IP literal with an optional /prefix, such as"
          + " 10.0.0.0/8 or 2001:db8::/32 (host names are not allowed)");
    }
    int max = address.length() * 8;
    int prefix = max;
    if (slash >= 0) {
      String prefixText = trimmed.substring(slash + 1);
      if (prefixText.isEmpty() || prefixText.length() > 3
          || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("'" + printable(text)
            + "' has no valid prefix length after '/': expected 0 to " + max);
      }
      prefix = Integer.parseInt(prefixText);
      if (prefix > max) {
        throw new IllegalArgumentException("'" + printable(text) + "' has prefix length "
            + prefix + ", but an " + (max == 32 ? "IPv4" : "IPv6") + " prefix is 0 to " + max);
      }
    }
    if (!hostBitsZero(address, prefix)) {
      throw new IllegalArgumentException("'" + printable(text)
          + "' has bits set after the prefix; write the network address, e.g. "
          + mask(address, prefix) + "/" + prefix);
    }
    return new Cidr(address, prefix);
  }

  private static boolean hostBitsZero(IpAddress address, int prefix) {
    for (int bit = prefix; bit < address.length() * 8; bit++) {
      if ((address.byteAt(bit / 8) & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  private static IpAddress mask(IpAddress address, int prefix) {
    byte[] b = address.toBytes();
    for (int bit = prefix; bit < b.length * 8; bit++) {
      b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return IpAddress.ofBytes(b);
  }

  /** Configuration text is echoed in messages; keep it printable and short. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  /**
   * Whether {@code address} lies in this block. Addresses of the other family never match.
   *
   * @param address the address to test
   * @return true if the first {@code prefixLength} bits are equal
   */
  public boolean contains(IpAddress address) {
    if (address.length() != network.length()) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address.byteAt(i) != network.byteAt(i)) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int maskBits = (0xff << (8 - rest)) & 0xff;
    return (address.byteAt(fullBytes) & maskBits) == (network.byteAt(fullBytes) & maskBits);
  }

  /**
   * The prefix length.
   *
   * @return 0 to 32 for IPv4, 0 to 128 for IPv6
   */
  public int prefixLength() {
    return prefixLength;
  }

  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr other && other.prefixLength == prefixLength
        && other.network.equals(network);
  }

  @Override
  public int hashCode() {
    return network.hashCode() * 31 + prefixLength;
  }
}
