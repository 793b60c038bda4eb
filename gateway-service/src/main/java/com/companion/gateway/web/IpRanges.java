package com.companion.gateway.web;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A set of addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}). Only IP literals are
 * ever parsed, by Netty's literal parser: no check can trigger a name lookup (a JDK {@code
 * InetAddress.getByName("cafe")} would).
 */
final class IpRanges {

    private final List<IpSubnetFilterRule> ranges;

    IpRanges(List<String> ranges) {
        this.ranges = ranges.stream()
                .map(String::strip)
                .filter(range -> !range.isEmpty())
                .map(IpRanges::rule)
                .toList();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The address an IP literal names, IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) as
     * the IPv4 address they are; empty for anything that is not a literal.
     */
    static Optional<InetAddress> literal(String address) {
        InetAddress parsed = address == null ? null : NetUtil.createInetAddressFromIpAddressString(address.strip());
        if (parsed instanceof Inet6Address v6 && isIpv4Mapped(v6.getAddress())) {
            try {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(v6.getAddress(), 12, 16)));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return Optional.ofNullable(parsed);
    }

    /** RFC 5952 text for IPv6 ({@code 2001:db8::1}), dotted quad for IPv4. */
    static String text(InetAddress address) {
        return NetUtil.toAddressString(address);
    }

    boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    boolean contains(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return ranges.stream().anyMatch(range -> range.matches(socket));
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static IpSubnetFilterRule rule(String range) {
        int slash = range.indexOf('/');
        String address = slash < 0 ? range : range.substring(0, slash);
        InetAddress parsed = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + range));
        int prefix =
                slash < 0 ? (parsed instanceof Inet4Address ? 32 : 128) : Integer.parseInt(range.substring(slash + 1));
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }
}
