package com.companion.chat.request;

import com.companion.chat.ChatProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fails requests that no worker answered in time, so that no client waits forever and the
 * session takes messages again. Every instance runs it; the update is idempotent.
 */
@Component
class RequestExpiry {

    private final Requests requests;
    private final ChatProperties properties;

    RequestExpiry(Requests requests, ChatProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${chat.expiry-interval:10s}", initialDelayString = "${chat.expiry-interval:10s}")
    void expireStale() {
        requests.expire(null, properties.requestTimeout());
    }
}
