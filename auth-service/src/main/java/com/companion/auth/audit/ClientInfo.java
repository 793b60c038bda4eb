package com.companion.auth.audit;

/**
 * Where a request came from, for the audit trail and the device-session list. Controllers take it
 * as a parameter; see {@link ClientInfoResolver} for how the address is chosen.
 */
public record ClientInfo(String ip, String userAgent) {

    /** For changes the service makes by itself (start-up, scheduled work). */
    public static final ClientInfo SYSTEM = new ClientInfo(null, "auth-service");

    static final int MAX_USER_AGENT = 512;

    public ClientInfo {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
