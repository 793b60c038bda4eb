package com.companion.chat.quota;

import com.companion.chat.ChatProperties;
import com.companion.chat.access.Caller;
import com.companion.contracts.Plan;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests for a reply per user and UTC day ({@code chat_usage}): a free user gets {@code
 * CHAT_FREE_DAILY_MESSAGES}, a premium one is counted without a limit. A request is counted by one
 * conditional upsert in the transaction that takes its session, so instances never race past the
 * limit, and a request that does not happen (409, a failed write) is not counted. Sends, edits and
 * regenerations all count.
 */
@Repository
public class DailyQuota {

    /** Where a user stands today; {@code dailyLimit} is null for an unlimited plan. */
    public record Usage(long usedToday, Integer dailyLimit, Instant resetsAt) {}

    private final JdbcClient jdbc;
    private final ChatProperties properties;

    DailyQuota(JdbcClient jdbc, ChatProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Counts one request, in the caller's transaction; 429 {@code daily-quota} past the limit. */
    public void spend(Caller caller) {
        LocalDate today = today();
        Integer limit = limit(caller);
        boolean counted = jdbc.sql("""
                        insert into chat_usage (user_id, day, used) values (:user, :day, 1)
                        on conflict (user_id, day) do update set used = chat_usage.used + 1
                        where cast(:limit as integer) is null or chat_usage.used < :limit
                        """)
                        .param("user", caller.userId())
                        .param("day", today)
                        .param("limit", limit)
                        .update()
                == 1;
        if (!counted) {
            Instant resetsAt = resetsAt(today);
            throw new ApiProblem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "daily-quota",
                    "Too Many Requests",
                    "You have used today's " + limit + " messages of the free plan; more from " + resetsAt + ".",
                    Map.of(
                            "daily_limit",
                            limit,
                            "resets_at",
                            resetsAt.toString(),
                            "retry_after",
                            Math.max(
                                    1, resetsAt.getEpochSecond() - Instant.now().getEpochSecond())));
        }
    }

    public Usage usage(Caller caller) {
        LocalDate today = today();
        long used = jdbc.sql("select used from chat_usage where user_id = :user and day = :day")
                .param("user", caller.userId())
                .param("day", today)
                .query(Long.class)
                .optional()
                .orElse(0L);
        return new Usage(used, limit(caller), resetsAt(today));
    }

    private Integer limit(Caller caller) {
        return caller.plan() == Plan.PREMIUM ? null : properties.freeDailyMessages();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Instant resetsAt(LocalDate today) {
        return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
