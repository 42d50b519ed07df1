package org.rapporteur.operate;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A list of CIDR ranges ({@code 10.0.0.0/8}, {@code ::1/128}), IPv4 and IPv6, matched against a peer's address. */
public final class AddressRanges {
  /** Literals only: a host name here would make every check a DNS look-up. */
  private static final Pattern LITERAL = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Range(byte[] network, int bits) {}

  private final List<String> text;
  private final List<Range> ranges;

  private AddressRanges(List<String> text, List<Range> ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /** Fails with a message naming {@code key} and the bad entry. */
  public static AddressRanges parse(String key, List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      ranges.add(range(key, entry.trim()));
    }
    return new AddressRanges(List.copyOf(entries), ranges);
  }

  private static Range range(String key, String entry) {
    String[] parts = entry.split("/", -1);
    if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException(key + ": \"" + entry + "\" is not an address range such as 10.0.0.0/8");
    }
    byte[] address;
    try {
      address = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(key + ": \"" + entry + "\" is not an IP address", e);
    }
    int max = address.length * 8;
    int bits;
    try {
      bits = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
    } catch (NumberFormatException e) {
      bits = -1;
    }
    if (bits < 0 || bits > max) {
      throw new IllegalArgumentException(key + ": \"" + entry + "\" has a prefix length outside 0-" + max);
    }
    return new Range(address, bits);
  }

  public boolean contains(String host) {
    if (host == null || !LITERAL.matcher(host).matches()) {
      return false;
    }
    byte[] address;
    try {
      address = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    for (Range range : ranges) {
      if (range.network().length == address.length && samePrefix(range.network(), address, range.bits())) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    if (bits == 0) {
      return true;
    }
    int shift = a.length * 8 - bits;
    return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, b).shiftRight(shift));
  }

  public List<String> ranges() {
    return text;
  }
}
