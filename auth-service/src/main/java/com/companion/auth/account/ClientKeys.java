package com.companion.auth.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client's failed logins are counted under: its IPv4 address, or its IPv6 /64, since one
 * subscriber is usually given a whole /64 and could otherwise rotate through it.
 */
final class ClientKeys {

    private ClientKeys() {}

    static String of(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        if (!ip.contains(":")) {
            return ip;
        }
        try {
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (address.length != 16) {
                return ip;
            }
            return HexFormat.of().formatHex(address, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
