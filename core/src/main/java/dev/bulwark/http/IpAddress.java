package dev.bulwark.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address parsed from its literal text, never from a host name: parsing does no
 * DNS lookup, unlike {@link InetAddress#getByName(String)}.
 *
 * <p>Accepted forms: dotted-quad IPv4 with decimal octets without leading zeros
 * ({@code 192.0.2.1}; {@code 010.0.0.1} is refused because some parsers read it as octal), and
 * IPv6 in any RFC 4291 text form ({@code 2001:db8::1}, {@code ::ffff:192.0.2.1}), optionally in
 * brackets. Zone identifiers ({@code fe80::1%eth0}) are refused. An IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) is normalised to the IPv4 address, so CIDR rules written for IPv4
 * also match dual-stack sockets.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IpAddress {

  private static final int MAX_LITERAL = 64;
  private static final byte[] NONE = new byte[0];

  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Parses an IP address literal.
   *
   * @param text the literal, e.g. {@code 192.0.2.1}, {@code 2001:db8::1} or {@code [::1]}
   * @return the address
   * @throws IllegalArgumentException if {@code text} is not an IP literal; the message does not
   *     repeat the input
   */
  public static IpAddress parse(String text) {
    IpAddress address = tryParse(text);
    if (address == null) {
      throw new IllegalArgumentException("not an IPv4 or IPv6 address literal");
    }
    return address;
  }

  /**
   * Parses an IP address literal, returning null instead of throwing.
   *
   * @param text the literal
   * @return the address, or null if {@code text} is not an IP literal
   */
  static @org.jspecify.annotations.Nullable IpAddress tryParse(String text) {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    if (length == 0 || length > MAX_LITERAL) {
      return null;
    }
    String s = text;
    if (s.charAt(0) == '[') {
      if (s.charAt(length - 1) != ']') {
        return null;
      }
      s = s.substring(1, length - 1);
      byte[] v6 = parseIpv6(s);
      return v6.length == 0 ? null : of(v6);
    }
    if (s.indexOf(':') >= 0) {
      byte[] v6 = parseIpv6(s);
      return v6.length == 0 ? null : of(v6);
    }
    byte[] v4 = new byte[4];
    return parseIpv4(s, 0, s.length(), v4, 0) ? new IpAddress(v4) : null;
  }

  /**
   * Creates an address from its network-order bytes (4 or 16).
   *
   * @param bytes the address bytes; copied
   * @return the address, IPv4-mapped IPv6 normalised to IPv4
   * @throws IllegalArgumentException if the length is not 4 or 16
   */
  public static IpAddress ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + bytes.length);
    }
    return of(bytes.clone());
  }

  private static IpAddress of(byte[] bytes) {
    if (bytes.length == 16 && isIpv4Mapped(bytes)) {
      return new IpAddress(Arrays.copyOfRange(bytes, 12, 16));
    }
    return new IpAddress(bytes);
  }

  private static boolean isIpv4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** Parses a.b.c.d in s[from, to) into out[offset..offset+4). */
  private static boolean parseIpv4(String s, int from, int to, byte[] out, int offset) {
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return false;
      }
      out[offset + part] = (byte) value;
      part++;
      if (part < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return i == to;
  }

  /** Parses IPv6 text; an empty array means malformed. */
  private static byte[] parseIpv6(String s) {
    int length = s.length();
    if (length < 2) {
      return NONE;
    }
    byte[] out = new byte[16];
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == length) {
        return out;
      }
    } else if (s.charAt(0) == ':') {
      return NONE;
    }
    while (i < length) {
      if (count == 8) {
        return NONE;
      }
      int start = i;
      int value = 0;
      while (i < length && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0
          && s.charAt(i) < 128) {
        value = (value << 4) | Character.digit(s.charAt(i), 16);
        i++;
      }
      int digits = i - start;
      if (i < length && s.charAt(i) == '.') {
        // Embedded IPv4 in the last 32 bits.
        if (count > 6 || (gap < 0 && count != 6)) {
          return NONE;
        }
        byte[] v4 = new byte[4];
        if (!parseIpv4(s, start, length, v4, 0)) {
          return NONE;
        }
        groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        break;
      }
      if (digits == 0 || digits > 4) {
        return NONE;
      }
      groups[count++] = value;
      if (i == length) {
        break;
      }
      if (s.charAt(i) != ':') {
        return NONE;
      }
      i++;
      if (i < length && s.charAt(i) == ':') {
        if (gap >= 0) {
          return NONE;
        }
        gap = count;
        i++;
        if (i == length) {
          break;
        }
      } else if (i == length) {
        return NONE;
      }
    }
    if (gap < 0 && count != 8) {
      return NONE;
    }
    if (gap >= 0 && count > 7) {
      return NONE;
    }
    int shift = 8 - count;
    for (int g = 0; g < count; g++) {
      int index = (gap >= 0 && g >= gap) ? g + shift : g;
      out[index * 2] = (byte) (groups[g] >> 8);
      out[index * 2 + 1] = (byte) groups[g];
    }
    return out;
  }

  /**
   * Whether this is an IPv4 address.
   *
   * @return true for IPv4 (including normalised IPv4-mapped IPv6), false for IPv6
   */
  public boolean isIpv4() {
    return bytes.length == 4;
  }

  /**
   * The address bytes in network order.
   *
   * @return a copy of the 4 or 16 bytes
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  byte byteAt(int index) {
    return bytes[index];
  }

  int length() {
    return bytes.length;
  }

  /**
   * Converts to an {@link InetAddress} without any lookup.
   *
   * @return the equivalent {@code InetAddress}
   */
  public InetAddress toInetAddress() {
    try {
      return InetAddress.getByAddress(bytes.clone());
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always a valid address", e);
    }
  }

  /**
   * The canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as
   * {@code ::}).
   */
  @Override
  public String toString() {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "."
          + (bytes[3] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; ) {
      if (group(g) == 0) {
        int start = g;
        while (g < 8 && group(g) == 0) {
          g++;
        }
        if (g - start > bestLength) {
          bestStart = start;
          bestLength = g - start;
        }
      } else {
        g++;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(group(g)));
    }
    return out.toString();
  }

  private int group(int g) {
    return ((bytes[g * 2] & 0xff) << 8) | (bytes[g * 2 + 1] & 0xff);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
