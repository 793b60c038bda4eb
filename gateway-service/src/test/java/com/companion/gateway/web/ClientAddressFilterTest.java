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
    void theLeftMostEntryIsNeverTheClientWhenEveryEntryIsATrustedProxy() {
        // A caller whose own address is in a trusted range (or reaches the ingress through a
        // balancer that translates addresses) could otherwise name any trusted address itself.
        assertThat(behindProxies.resolve("10.1.2.3", List.of("10.66.0.1, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("10.77.7.7", "10.66.0.1", "10.9.9.9")))
                .isEqualTo("10.9.9.9");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void whatTheClientWroteLeftOfItsOwnAddressIsIgnored() {
        assertThat(behindProxies.resolve("10.1.2.3", List.of("10.0.0.1, 192.0.2.10, 203.0.113.9, 10.4.4.4")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anEntryThatIsNotAnAddressEndsTheWalkAtTheNearestProxy() {
        assertThat(behindProxies.resolve("10.1.2.3", List.of("203.0.113.9, unknown")))
                .isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("203.0.113.9, _hidden, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void portsAreDroppedAndAddressesWrittenCanonically() {
        assertThat(behindProxies.resolve("10.1.2.3", List.of("203.0.113.9:4711")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("[2001:DB8:0:0::1]:443")))
                .isEqualTo("2001:db8::1");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("2001:db8:0:0:0:0:0:1")))
                .isEqualTo("2001:db8::1");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("::ffff:203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("::ffff:10.1.2.3", List.of("203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void namesAreNeverLookedUp() {
        // "cafe" and "beef" are hex digits only: a JDK lookup would send them to DNS.
        assertThat(behindProxies.resolve("10.1.2.3", List.of("localhost"))).isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", List.of("cafe, beef"))).isEqualTo("10.1.2.3");
        assertThat(new IpRanges(List.of("10.0.0.0/8")).contains("internal.example"))
                .isFalse();
        assertThat(IpRanges.literal("cafe")).isEmpty();
    }
}
