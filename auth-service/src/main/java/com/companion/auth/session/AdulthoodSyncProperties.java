package com.companion.auth.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Read-your-writes for the end of adulthood across services.
 *
 * @param consumerGroups the consumer groups of the services that decide by their read model of users whether a caller
 *     may see adult characters and sessions (character-service, chat-service): after an age correction makes an account
 *     a minor's, the answer waits until each has applied the change. A group that has never read the users' topic is
 *     not waited for
 * @param timeout how long that answer waits at most; past it, the answer goes out, and the services catch up on their
 *     own
 */
@Validated
@ConfigurationProperties("auth.adulthood-sync")
public record AdulthoodSyncProperties(
        @NotNull @DefaultValue({"character-service", "chat-service"})
        List<String> consumerGroups,

        @NotNull @DefaultValue("3s") Duration timeout) {}
