package com.companion.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(RateLimitFilter.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimitFilter.addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimitFilter.addressKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(RateLimitFilter.addressKey("::1")).isEqualTo("::/64");
    }

    @Test
    void ipv4ClientsCountOneByOne() {
        assertThat(RateLimitFilter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RateLimitFilter.addressKey("unknown")).isEqualTo("unknown");
    }
}
