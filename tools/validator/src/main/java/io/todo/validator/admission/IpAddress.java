package io.todo.validator.admission;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
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

  static IpAddress parseOrNull(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.indexOf(':') < 0) {
      return parseV4(s);
    }
    if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return null; // zones (%eth0) and anything that is not a literal
    }
    try {
      // a string containing ':' and only hex digits, ':' and '.' is parsed as a literal, never resolved
      InetAddress a = InetAddress.getByName(s);
      if (!(a instanceof Inet6Address)) {
        return null; // IPv4-mapped IPv6 is rejected by Kubernetes
      }
      return new IpAddress(a.getAddress());
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static IpAddress parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      b[i] = (byte) v;
    }
    return new IpAddress(b);
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
      return !broadcast && !isUnspecified() && !isLoopback() && first < 224 && !isLinkLocalUnicast();
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
      if (ip == null || p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
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
