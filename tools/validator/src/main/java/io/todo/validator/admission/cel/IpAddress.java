package io.todo.validator.admission.cel;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP address as the Kubernetes CEL IP library sees it: literal only (never resolved), no
 * zones, no IPv4-mapped IPv6, no leading zeros in IPv4 octets.
 */
final class IpAddress {
  final byte[] bytes;

  IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Parses as Go's netip.ParseAddr ({@link NetipAddr}), then refuses what Kubernetes refuses: zones
   * and IPv4-mapped IPv6.
   */
  static IpAddress parseOrNull(String s) {
    if (s == null) {
      return null;
    }
    NetipAddr.Parsed p = NetipAddr.parse(s);
    return p.error() != null || p.zoned() || isV4Mapped(p.bytes()) ? null : new IpAddress(p.bytes());
  }

  private static boolean isV4Mapped(byte[] b) {
    if (b.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == -1 && b[11] == -1;
  }

  static IpAddress parse(String s) {
    IpAddress ip = parseOrNull(s);
    if (ip == null) {
      throw new IllegalArgumentException("IP Address '" + s + "' parse error during conversion from string");
    }
    return ip;
  }

  static boolean isCanonical(String s) {
    IpAddress ip = parse(s);
    return ip.toString().equals(s);
  }

  long family() {
    return bytes.length == 4 ? 4 : 6;
  }

  boolean isUnspecified() {
    return Arrays.equals(bytes, new byte[bytes.length]);
  }

  boolean isLoopback() {
    return bytes.length == 4 ? (bytes[0] & 0xff) == 127 : new BigInteger(1, bytes).equals(BigInteger.ONE);
  }

  boolean isLinkLocalMulticast() {
    return bytes.length == 4
        ? (bytes[0] & 0xff) == 224 && bytes[1] == 0 && bytes[2] == 0
        : (bytes[0] & 0xff) == 0xff && (bytes[1] & 0x0f) == 0x02;
  }

  boolean isLinkLocalUnicast() {
    return bytes.length == 4
        ? (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254
        : (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
  }

  boolean isGlobalUnicast() {
    if (bytes.length == 4) {
      boolean broadcast = Arrays.equals(bytes, new byte[] {-1, -1, -1, -1});
      int first = bytes[0] & 0xff;
      boolean multicast = first >= 224 && first < 240; // 240/4 (reserved) counts as global, as in Go
      return !broadcast && !isUnspecified() && !isLoopback() && !multicast && !isLinkLocalUnicast();
    }
    return !isUnspecified() && !isLoopback() && (bytes[0] & 0xff) != 0xff && !isLinkLocalUnicast();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress ip && Arrays.equals(bytes, ip.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    try {
      if (bytes.length == 4) {
        return Inet4Address.getByAddress(bytes).getHostAddress();
      }
      return compressV6();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 5952 text form: lower case, longest run of zero groups (length > 1) as "::". */
  private String compressV6() {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** A CIDR prefix: an address and a prefix length; host bits may be set (masked() clears them). */
  static final class Cidr {
    final IpAddress ip;
    final int prefix;

    Cidr(IpAddress ip, int prefix) {
      this.ip = ip;
      this.prefix = prefix;
    }

    static Cidr parseOrNull(String s) {
      int slash = s == null ? -1 : s.indexOf('/');
      if (slash < 0) {
        return null;
      }
      IpAddress ip = IpAddress.parseOrNull(s.substring(0, slash));
      String p = s.substring(slash + 1);
      if (ip == null || p.isEmpty() || p.length() > 3 || !GoNumbers.isAsciiDigits(p)
          || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int prefix = Integer.parseInt(p);
      return prefix > ip.bytes.length * 8 ? null : new Cidr(ip, prefix);
    }

    static Cidr parse(String s) {
      Cidr c = parseOrNull(s);
      if (c == null) {
        throw new IllegalArgumentException("network address parse error during conversion from string: " + s);
      }
      return c;
    }

    Cidr masked() {
      byte[] b = ip.bytes.clone();
      for (int i = 0; i < b.length; i++) {
        int keep = Math.max(0, Math.min(8, prefix - 8 * i));
        b[i] = (byte) (b[i] & (0xff << (8 - keep)));
      }
      return new Cidr(new IpAddress(b), prefix);
    }

    boolean containsIp(IpAddress other) {
      return other.bytes.length == ip.bytes.length
          && new Cidr(other, prefix).masked().ip.equals(masked().ip);
    }

    boolean containsCidr(Cidr other) {
      return other.prefix >= prefix && containsIp(other.ip);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c && c.prefix == prefix && c.ip.equals(ip);
    }

    @Override
    public int hashCode() {
      return ip.hashCode() * 31 + prefix;
    }

    @Override
    public String toString() {
      return ip + "/" + prefix;
    }
  }
}
