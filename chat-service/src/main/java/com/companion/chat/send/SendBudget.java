package com.companion.chat.send;

import com.companion.chat.ChatProperties;
import com.companion.platform.web.problem.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How many messages one user may send per minute, whatever the channel: the gateway limits
 * {@code POST /chat/send} and {@code /chat/stream}, but {@code user_message} frames travel inside an
 * open WebSocket it cannot see, so every send is counted here too (in this instance's memory: with N
 * instances a user spreading sockets over all of them gets at most N budgets).
 */
@Component
class SendBudget {

    private final Cache<UUID, Bucket> buckets;
    private final int perMinute;

    SendBudget(ChatProperties properties) {
        this.perMinute = properties.sendsPerMinute();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(200_000)
                .build();
    }

    /** Takes one send from the user's budget, or refuses with 429 and how long to wait. */
    void take(UUID userId) {
        Bucket bucket = buckets.get(
                userId,
                id -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw ApiProblem.tooManyRequests(
                    "You are sending messages too quickly. Please wait " + seconds + " s.", seconds);
        }
    }
}
