package com.companion.character.support;

import static org.awaitility.Awaitility.await;

import com.companion.character.users.KnownUser;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Users of the auth.users.v1 read model, seeded the real way: events published to Kafka, then
 * waited for until the service has applied them.
 */
public final class Users {

    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    private final UserDirectory directory;

    Users(UserDirectory directory) {
        this.directory = directory;
    }

    public TestUser adult() {
        return registered(true);
    }

    public TestUser minor() {
        return registered(false);
    }

    /** An adult whose token carries the {@code admin} role, as auth-service issues it to administrators. */
    public TestUser admin() {
        TestUser admin = new TestUser(UUID.randomUUID(), freshUsername(), true, List.of("user", "admin"));
        register(admin);
        return admin;
    }

    /** Signed up, but the service has not heard of them yet: only the token speaks for them. */
    public TestUser unknownToReadModel(boolean adultByToken) {
        return new TestUser(UUID.randomUUID(), freshUsername(), adultByToken);
    }

    /** The token still says adult (issued before the correction); the read model no longer does. */
    public TestUser correctedToMinor(TestUser user) {
        KafkaEvents.publish(
                new UserUpdated(user.id(), user.username(), Plan.FREE, false, UserStatus.ACTIVE, List.of("is_adult")));
        await().atMost(APPLIED_WITHIN)
                .until(() -> directory.find(user.id()).map(u -> !u.isAdult()).orElse(false));
        return user;
    }

    /** Banned by an administrator: the account is disabled, while the user's token is still valid for a while. */
    public void banned(TestUser user) {
        statusChanged(user, UserStatus.DISABLED);
    }

    public void banLifted(TestUser user) {
        statusChanged(user, UserStatus.ACTIVE);
    }

    private void statusChanged(TestUser user, UserStatus status) {
        KafkaEvents.publish(
                new UserUpdated(user.id(), user.username(), Plan.FREE, user.adultByToken(), status, List.of("status")));
        await().atMost(APPLIED_WITHIN)
                .until(() ->
                        directory.find(user.id()).map(u -> u.status() == status).orElse(false));
    }

    public void deleted(TestUser user) {
        KafkaEvents.publish(new UserDeleted(user.id()));
        await().atMost(APPLIED_WITHIN)
                .until(() -> directory.find(user.id()).map(KnownUser::deleted).orElse(false));
    }

    /** Registers the user and answers the event, for tests that deliver it again. */
    public EventEnvelope<UserRegistered> register(TestUser user) {
        EventEnvelope<UserRegistered> registration = EventEnvelope.wrap(new UserRegistered(
                user.id(), user.username(), Plan.FREE, user.adultByToken(), UserStatus.ACTIVE, Instant.now()));
        KafkaEvents.publish(registration);
        await().atMost(APPLIED_WITHIN).until(() -> directory.find(user.id()).isPresent());
        return registration;
    }

    /**
     * A new user whose events share a partition with {@code other}'s: once this one is applied,
     * everything published earlier for {@code other} has been consumed too.
     */
    public TestUser registeredAfterEverythingOf(TestUser other) {
        int partition = KafkaEvents.partitionOf(Topics.AUTH_USERS, other.id().toString());
        TestUser user;
        do {
            user = new TestUser(UUID.randomUUID(), freshUsername(), true);
        } while (KafkaEvents.partitionOf(Topics.AUTH_USERS, user.id().toString()) != partition);
        register(user);
        return user;
    }

    private TestUser registered(boolean adult) {
        TestUser user = new TestUser(UUID.randomUUID(), freshUsername(), adult);
        register(user);
        return user;
    }

    private static String freshUsername() {
        return "User_" + UUID.randomUUID().toString().substring(0, 12);
    }
}
