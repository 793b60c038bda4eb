package com.companion.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.ratelimit.RateLimitConfiguration.BucketStore;
import com.companion.gateway.support.MutableClock;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(
            BucketStore.memory(1000, RateLimitConfiguration.timeMeter(clock)).buckets(), Duration.ofSeconds(1));

    @Test
    void aWindowsBudgetIsSpentThenRestoredWhole() {
        Policy policy = Policy.of("test", 2, Duration.ofSeconds(30));

        Decision first = limiter.consume(policy, "k").block();
        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(first.resetSeconds()).isBetween(1L, 30L);
        assertThat(limiter.consume(policy, "k").block().remaining()).isZero();

        clock.advance(Duration.ofSeconds(10));
        Decision refused = limiter.consume(policy, "k").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);

        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.consume(policy, "k").block().remaining()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailingStoreLetsRequestsThrough() {
        AsyncProxyManager<String> broken = Mockito.mock(AsyncProxyManager.class);
        Mockito.when(broken.builder()).thenThrow(new IllegalStateException("redis is gone"));

        Decision decision = new RateLimiter(broken, Duration.ofMillis(100))
                .consume(Policy.of("test", 1, Duration.ofMinutes(1)), "k")
                .block();

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.known()).isFalse();
    }
}
