package com.companion.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * Where budgets are kept: in Redis when {@code REDIS_URL} is set (all instances share one
 * budget per key), otherwise in this instance's memory, bounded and evicted when idle. The time
 * source is the context's {@link Clock} when there is one (tests move it), else the system's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    BucketStore bucketStore(RateLimitProperties properties, ObjectProvider<Clock> clock) {
        TimeMeter time = timeMeter(clock.getIfAvailable());
        if (properties.redis()) {
            RedisURI redis = RedisURI.create(properties.redisUrl());
            log.info("rate limits are kept in Redis at {}:{}", redis.getHost(), redis.getPort());
            return BucketStore.redis(RedisClient.create(redis), time);
        }
        log.info("rate limits are kept in memory (set REDIS_URL to share them between instances)");
        return BucketStore.memory(properties.localMaxKeys(), time);
    }

    @Bean
    WebFilter rateLimitFilter(BucketStore store, RateLimitProperties properties) {
        return new RateLimitFilter(new RateLimiter(store.buckets(), properties.redisTimeout()), properties);
    }

    @Bean
    SocketBudget socketBudget(BucketStore store, RateLimitProperties properties) {
        return new SocketBudget(new RateLimiter(store.buckets(), properties.redisTimeout()), properties);
    }

    static TimeMeter timeMeter(Clock clock) {
        if (clock == null) {
            return TimeMeter.SYSTEM_MILLISECONDS;
        }
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** The bucket store and what must be closed with it. */
    record BucketStore(AsyncProxyManager<String> buckets, AutoCloseable resources) implements DisposableBean {

        static BucketStore memory(long maxKeys, TimeMeter time) {
            AsyncProxyManager<String> buckets = Bucket4jCaffeine.<String>builderFor(
                            Caffeine.newBuilder().maximumSize(maxKeys))
                    .clientClock(time)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
            return new BucketStore(buckets, () -> {});
        }

        static BucketStore redis(RedisClient client, TimeMeter time) {
            StatefulRedisConnection<String, byte[]> connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(time)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
            return new BucketStore(buckets, () -> {
                connection.close();
                client.shutdown();
            });
        }

        @Override
        public void destroy() throws Exception {
            resources.close();
        }
    }
}
