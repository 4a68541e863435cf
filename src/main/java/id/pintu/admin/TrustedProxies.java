package id.pintu.admin;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Which peers may say who the client is ({@code http.trustedProxies}: addresses or CIDR ranges,
 * e.g. {@code "127.0.0.1, 10.0.0.0/24"}; default none). A request from one of them is from the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy; from anyone
 * else the header is ignored (a client could write anything there).
 */
public final class TrustedProxies {
  /** One address or range: the leading {@code bits} of {@code address}. */
  private record Range(byte[] address, int bits) {
    boolean contains(byte[] a) {
      if (a.length != address.length) return false;
      int full = bits / 8;
      for (int i = 0; i < full; i++) if (a[i] != address[i]) return false;
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (a[full] & mask) == (address[full] & mask);
    }
  }

  /** A setting that names no address or range. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of());
  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** From the setting's text; null or blank is none. */
  public static TrustedProxies parse(String setting) {
    if (setting == null || setting.isBlank()) return NONE;
    List<Range> out = new ArrayList<>();
    for (String part : setting.split("[,\\s]+")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      int slash = p.indexOf('/');
      byte[] a = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? p : p.substring(0, slash));
      int bits = a == null ? -1 : a.length * 8;
      if (a != null && slash >= 0) {
        try {
          bits = Integer.parseInt(p.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
      }
      if (a == null || bits < 0 || bits > a.length * 8) {
        throw new Unreadable("http.trustedProxies: '" + p + "' is not an IP address or range (e.g. 127.0.0.1, 10.0.0.0/24, ::1): "
            + "list your reverse proxies' addresses, comma-separated.");
      }
      out.add(new Range(a, bits));
    }
    return new TrustedProxies(out);
  }

  public boolean none() {
    return ranges.isEmpty();
  }

  boolean trusted(String address) {
    byte[] a = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
    if (a == null) return false;
    for (Range r : ranges) if (r.contains(a)) return true;
    return false;
  }

  /** The client's address as far as it can be trusted. */
  public String client(HttpServerRequest request) {
    String peer = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    if (ranges.isEmpty() || !trusted(peer)) return peer;
    List<String> hops = new ArrayList<>();
    for (String header : request.headers().getAll("X-Forwarded-For")) {
      for (String hop : header.split(",")) hops.add(bare(hop.trim()));
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (NetUtil.createByteArrayFromIpAddressString(hop) == null) return peer; // unreadable: trust nothing further left
      if (!trusted(hop)) return hop;
    }
    return hops.isEmpty() ? peer : hops.get(0);
  }

  /** Drops a port ({@code 1.2.3.4:5678}) or brackets ({@code [::1]:80}). */
  private static String bare(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }
}
