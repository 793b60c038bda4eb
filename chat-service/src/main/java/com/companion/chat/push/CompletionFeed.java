package com.companion.chat.push;

import com.companion.chat.request.RequestNotice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears, on a connection of its own, every request notice of any instance (finished, or its ad
 * decision in late): PostgreSQL
 * delivers a notification only when the transaction that stored the outcome commits, so the
 * push that follows always finds the reply stored. A lost connection is re-established; what was
 * missed meanwhile is caught by the hub's sweep.
 */
@Component
class CompletionFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionFeed.class);

    private final DataSourceProperties dataSource;
    private final ReplyHub hub;
    private volatile boolean running;
    private Thread thread;

    CompletionFeed(DataSourceProperties dataSource, ReplyHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("chat-completion-feed").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + RequestNotice.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        RequestNotice.parse(notification.getParameter()).ifPresent(hub::onNotice);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("completion feed lost its connection, reconnecting: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
