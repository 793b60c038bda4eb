package com.companion.ad.counting;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.test.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Settled requests are kept as long as idempotency marks (14 days by default) and no longer. */
@IntegrationTest
class SettledRequestsIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettledRequests settled;

    @Test
    void outcomesOlderThanTheIdempotencyRetentionAreForgottenAndNewerOnesKept() {
        UUID old = settle("15 days");
        UUID recent = settle("13 days");
        UUID now = settle("0 days");

        assertThat(settled.forgetOld()).isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(now)).isTrue();
    }

    private UUID settle(String age) {
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                        insert into settled_request (request_id, session_id, user_id, settled_at)
                        values (:request, :session, :user, now() - cast(:age as interval))
                        """)
                .param("request", request)
                .param("session", UUID.randomUUID())
                .param("user", UUID.randomUUID())
                .param("age", age)
                .update();
        return request;
    }

    private boolean exists(UUID request) {
        return jdbc.sql("select count(*) from settled_request where request_id = :request")
                        .param("request", request)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
