package com.companion.gateway.web;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}). Only IP literals are
 * ever matched, so no check can trigger a name lookup.
 */
final class IpRanges {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

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

    static boolean isIpLiteral(String address) {
        return address != null && IP_LITERAL.matcher(address).matches();
    }

    boolean contains(String address) {
        if (ranges.isEmpty() || !isIpLiteral(address)) {
            return false;
        }
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 0);
            return ranges.stream().anyMatch(range -> range.matches(socket));
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static IpSubnetFilterRule rule(String range) {
        int slash = range.indexOf('/');
        String address = slash < 0 ? range : range.substring(0, slash);
        if (!isIpLiteral(address)) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + range);
        }
        int prefix = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(range.substring(slash + 1));
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
