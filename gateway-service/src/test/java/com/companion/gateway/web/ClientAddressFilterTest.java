package com.companion.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressFilterTest {

    private final ClientAddressFilter behindProxies =
            new ClientAddressFilter(new ClientAddressProperties(List.of("10.0.0.0/8", "192.0.2.10")));
    private final ClientAddressFilter direct = new ClientAddressFilter(new ClientAddressProperties(List.of()));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItClaims() {
        assertThat(direct.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(behindProxies.resolve("198.51.100.4", List.of("203.0.113.9")))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertThat(behindProxies.resolve("10.1.2.3", List.of("6.6.6.6, 203.0.113.9, 192.0.2.10")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("6.6.6.6", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedPeerWithoutForwardedForIsItselfTheClient() {
        assertThat(behindProxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThat(behindProxies.resolve("10.1.2.3", List.of("localhost"))).isEqualTo("localhost");
        assertThat(new IpRanges(List.of("10.0.0.0/8")).contains("internal.example"))
                .isFalse();
    }
}
