package com.companion.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.gateway.ratelimit.RateLimitConfiguration.BucketStore;
import com.companion.gateway.support.MutableClock;
import com.companion.gateway.support.TestRedis;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two gateway instances on one Redis share each key's budget. */
class RedisBudgetIT {

    private final MutableClock clock = new MutableClock();
    private final BucketStore first =
            BucketStore.redis(RedisClient.create(TestRedis.url()), RateLimitConfiguration.timeMeter(clock));
    private final BucketStore second =
            BucketStore.redis(RedisClient.create(TestRedis.url()), RateLimitConfiguration.timeMeter(clock));

    @AfterEach
    void close() throws Exception {
        first.destroy();
        second.destroy();
    }

    @Test
    void instancesShareOneBudgetPerKeyAndItRecovers() {
        Policy policy = Policy.of("shared-" + UUID.randomUUID(), 3, Duration.ofMinutes(1));
        RateLimiter one = new RateLimiter(first.buckets(), Duration.ofSeconds(2));
        RateLimiter two = new RateLimiter(second.buckets(), Duration.ofSeconds(2));

        assertThat(one.consume(policy, "ip:198.51.100.1").block().remaining()).isEqualTo(2);
        assertThat(two.consume(policy, "ip:198.51.100.1").block().remaining()).isEqualTo(1);
        assertThat(one.consume(policy, "ip:198.51.100.1").block().allowed()).isTrue();

        Decision refused = two.consume(policy, "ip:198.51.100.1").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(one.consume(policy, "ip:198.51.100.2").block().allowed()).isTrue();

        clock.advance(Duration.ofSeconds(61));
        assertThat(two.consume(policy, "ip:198.51.100.1").block().allowed()).isTrue();
    }

    @Test
    void aBudgetChangeReplacesTheStoredBucket() {
        String name = "changed-" + UUID.randomUUID();
        RateLimiter limiter = new RateLimiter(first.buckets(), Duration.ofSeconds(2));
        limiter.consume(Policy.of(name, 1, Duration.ofMinutes(1)), "user:u").block();
        assertThat(limiter.consume(Policy.of(name, 1, Duration.ofMinutes(1)), "user:u")
                        .block()
                        .allowed())
                .isFalse();

        Decision raised = limiter.consume(Policy.of(name, 10, Duration.ofMinutes(1)), "user:u")
                .block();
        assertThat(raised.allowed()).isTrue();
        assertThat(raised.policy().limit()).isEqualTo(10);
    }
}
