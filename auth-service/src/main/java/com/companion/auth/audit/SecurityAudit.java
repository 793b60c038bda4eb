package com.companion.auth.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends security events to {@code security_audit}. Called inside the transaction of the change
 * it describes when there is one, so a rolled-back change leaves no audit row; failures that
 * change nothing are written on their own. Never given passwords, tokens or identifiers a
 * person typed.
 */
@Component
public class SecurityAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(SecurityEvent event, UUID userId, ClientInfo client) {
        record(event, userId, null, client, Map.of());
    }

    public void record(SecurityEvent event, UUID userId, ClientInfo client, Map<String, ?> details) {
        record(event, userId, null, client, details);
    }

    public void record(SecurityEvent event, UUID userId, UUID actorId, ClientInfo client, Map<String, ?> details) {
        ClientInfo from = client == null ? ClientInfo.SYSTEM : client;
        jdbc.sql("""
                        insert into security_audit (occurred_at, event_type, user_id, actor_id, ip, user_agent, details)
                        values (:at, :type, :userId, :actorId, :ip, :userAgent, cast(:details as jsonb))
                        """)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("type", event.storedName())
                .param("userId", userId)
                .param("actorId", actorId)
                .param("ip", from.ip())
                .param("userAgent", from.userAgent())
                .param("details", JSON.writeValueAsString(details))
                .update();
    }
}
