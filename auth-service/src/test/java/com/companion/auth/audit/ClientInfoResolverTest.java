package com.companion.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientInfoResolverTest {

    @Test
    void takesTheAddressTheTrustedProxyAppendedNotWhatTheClientWrote() {
        assertThat(ClientInfoResolver.clientAddress("6.6.6.6, 203.0.113.7", "10.0.0.5", 1))
                .isEqualTo("203.0.113.7");
        assertThat(ClientInfoResolver.clientAddress("203.0.113.7, 10.0.0.9", "10.0.0.5", 2))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void fallsBackToTheRemoteAddress() {
        assertThat(ClientInfoResolver.clientAddress(null, "10.0.0.5", 1)).isEqualTo("10.0.0.5");
        assertThat(ClientInfoResolver.clientAddress(" , ", "10.0.0.5", 1)).isEqualTo("10.0.0.5");
        assertThat(ClientInfoResolver.clientAddress("203.0.113.7", "10.0.0.5", 0))
                .isEqualTo("10.0.0.5");
        assertThat(ClientInfoResolver.clientAddress("203.0.113.7", "10.0.0.5", 3))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void bordersTheUserAgentLength() {
        assertThat(new ClientInfo("1.2.3.4", "x".repeat(5000)).userAgent()).hasSize(512);
    }
}
