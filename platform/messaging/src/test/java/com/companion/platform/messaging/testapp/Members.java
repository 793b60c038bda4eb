package com.companion.platform.messaging.testapp;

import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.platform.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A state change with its event: the row and the outbox entry commit together. */
@Service
public class Members {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public Members(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public UUID register(String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into member (id, username) values (:id, :username)")
                .param("id", id)
                .param("username", username)
                .update();
        outbox.publish(new UserRegistered(id, username, Plan.FREE, true, UserStatus.ACTIVE, Instant.now()));
        if (username.startsWith("rollback")) {
            throw new IllegalStateException("the state change fails after the event was written");
        }
        return id;
    }
}
