package com.companion.chat;

import static org.awaitility.Awaitility.await;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.Ad;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.ModerationStatus;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SessionTitled;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.contracts.chat.TitleRequested;
import com.companion.contracts.chat.TokenUsage;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.SampleCharacters;
import com.companion.platform.test.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Test data and the other services' side of the conversation: users and characters arrive as
 * their owners publish them, and the test plays the worker and ad-service by answering the
 * MessageRequested events it reads from Kafka.
 */
public final class ChatFixtures implements AutoCloseable {

    /** The id of chat-service's read-model listener ({@code ReadModelConsumer}), to pause it in a test. */
    static final String READ_MODELS_LISTENER = "read-models";

    /**
     * Sends {@code request} while chat-service's read-model listener is paused, then {@code publishes} what it needs,
     * checks that the request is still waiting 300 ms later (for the read model, instead of answering 404), resumes the
     * listener and returns the request's answer.
     */
    public static <T> T answerOnceTheEventArrives(
            KafkaListenerEndpointRegistry listeners, Supplier<T> request, Runnable publishes) {
        MessageListenerContainer readModels = listeners.getListenerContainer(READ_MODELS_LISTENER);
        readModels.pause();
        await().atMost(Duration.ofSeconds(10)).until(readModels::isContainerPaused);
        CompletableFuture<T> answer;
        try {
            answer = CompletableFuture.supplyAsync(request);
            publishes.run();
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .alias("the request waits for the read model instead of answering 404")
                    .until(() -> !answer.isDone());
        } finally {
            readModels.resume();
        }
        return answer.join();
    }

    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.LINGER_MS_CONFIG,
            0));
    private final KafkaProbe requests = new KafkaProbe(Topics.MESSAGE_REQUESTED);
    private final KafkaProbe titleRequests = new KafkaProbe(Topics.TITLE_REQUESTS);
    private final KafkaProbe summaryRequests = new KafkaProbe(Topics.SUMMARY_REQUESTS);
    private final KafkaProbe activity = new KafkaProbe(Topics.CHAT_ACTIVITY);

    public UUID user(boolean adult) {
        UUID id = UUID.randomUUID();
        publish(new UserRegistered(
                id, "u" + id.toString().substring(0, 8), Plan.FREE, adult, UserStatus.ACTIVE, Instant.now()));
        return id;
    }

    public UUID character(UUID owner, Visibility visibility, boolean nsfw, UUID... grantees) {
        UUID id = UUID.randomUUID();
        publish(character(id, owner, visibility, nsfw, grantees));
        return id;
    }

    CharacterUpserted character(UUID id, UUID owner, Visibility visibility, boolean nsfw, UUID... grantees) {
        return SampleCharacters.upserted(id, owner, VERSIONS.incrementAndGet(), visibility, nsfw, grantees);
    }

    /** The same character, one version later, in a moderation state. */
    CharacterUpserted moderated(CharacterUpserted c, ModerationStatus moderation) {
        return nextVersion(c, moderation, c.card());
    }

    /** The same character, one version later, with a Character Card (or, with null, without one). */
    CharacterUpserted withCard(CharacterUpserted c, PersonaCard card) {
        return nextVersion(c, c.moderation(), card);
    }

    private static CharacterUpserted nextVersion(CharacterUpserted c, ModerationStatus moderation, PersonaCard card) {
        return new CharacterUpserted(
                c.characterId(),
                c.ownerId(),
                VERSIONS.incrementAndGet(),
                c.name(),
                c.description(),
                c.characterType(),
                c.sliders(),
                c.nsfwEnabled(),
                c.visibility(),
                c.avatarUrl(),
                c.tags(),
                c.granteeIds(),
                c.createdAt(),
                c.updatedAt(),
                moderation,
                card);
    }

    public void publish(Event event) {
        publish(EventEnvelope.wrap(event));
    }

    void publish(EventEnvelope<?> envelope) {
        try {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.encode(envelope)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request chat-service published for a session's latest message. */
    MessageRequested awaitRequest(UUID sessionId, String message) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> requests.records().stream()
                                .map(r -> EventJson.decode(r.value()).data())
                                .map(MessageRequested.class::cast)
                                .filter(r -> r.sessionId().equals(sessionId)
                                        && r.userMessage().equals(message))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
    }

    /** Every request published for a session so far. */
    List<MessageRequested> requestsFor(UUID sessionId) {
        return requests.records().stream()
                .map(r -> EventJson.decode(r.value()).data())
                .map(MessageRequested.class::cast)
                .filter(r -> r.sessionId().equals(sessionId))
                .toList();
    }

    /** Plays the worker: streams {@code parts} as chunks, then the completed reply. */
    EventEnvelope<ReplyCompleted> reply(MessageRequested request, String... parts) {
        for (int i = 0; i < parts.length; i++) {
            publish(new ReplyChunk(request.requestId(), request.sessionId(), 1, i, parts[i]));
        }
        EventEnvelope<ReplyCompleted> completed = EventEnvelope.wrap(new ReplyCompleted(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                request.character().characterId(),
                request.plan(),
                String.join("", parts),
                "stop",
                new TokenUsage(40, parts.length, 40 + parts.length),
                "test-model",
                300,
                50,
                1,
                Instant.now()));
        publish(completed);
        return completed;
    }

    /** Every title request published for a session so far. */
    List<TitleRequested> titleRequestsFor(UUID sessionId) {
        return titleRequests.records().stream()
                .map(r -> EventJson.decode(r.value()).data())
                .map(TitleRequested.class::cast)
                .filter(r -> r.sessionId().equals(sessionId))
                .toList();
    }

    /** Every summary request published for a session so far. */
    List<SummaryRequested> summaryRequestsFor(UUID sessionId) {
        return summaryRequests.records().stream()
                .map(r -> EventJson.decode(r.value()).data())
                .map(SummaryRequested.class::cast)
                .filter(r -> r.sessionId().equals(sessionId))
                .toList();
    }

    /** Plays the worker answering a summary request. */
    void summarized(SummaryRequested request, String summary) {
        publish(new SessionSummarized(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                summary,
                request.throughMessageId(),
                "test-model",
                new TokenUsage(600, 40, 640),
                Instant.now()));
    }

    /** The raw records chat-service published on the analytics activity topic for a session. */
    List<ConsumerRecord<String, String>> activityOf(UUID sessionId) {
        return activity.records().stream()
                .filter(r -> sessionId.toString().equals(r.key()))
                .toList();
    }

    /** Plays the worker answering a title request. */
    void titled(TitleRequested request, String title) {
        publish(new SessionTitled(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                title,
                "test-model",
                new TokenUsage(100, 4, 104),
                Instant.now()));
    }

    /** Plays ad-service. */
    void decide(MessageRequested request, long adCounter, boolean showAd) {
        Ad ad = showAd ? new Ad(UUID.randomUUID(), "Go Premium", "No ads.", "https://x/img.png", "https://x") : null;
        publish(new AdDecision(
                request.requestId(), request.sessionId(), request.userId(), adCounter, showAd, ad, Instant.now()));
    }

    @Override
    public void close() {
        producer.close();
        requests.close();
        titleRequests.close();
        summaryRequests.close();
        activity.close();
    }
}
