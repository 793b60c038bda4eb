package com.companion.analytics.topology;

import static com.companion.analytics.AnalyticsEvents.MODEL;
import static com.companion.analytics.AnalyticsEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.companion.analytics.AnalyticsEvents.Chat;
import com.companion.analytics.figures.Figures;
import com.companion.analytics.figures.Latency;
import com.companion.analytics.topology.internal.AnalyticsSerdes;
import com.companion.contracts.Event;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.NamedCount;
import com.companion.contracts.analytics.RollupDimension;
import com.companion.contracts.chat.InputBlocked;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The topology on Kafka Streams' test driver: event time decides the UTC day, redeliveries count once, late
 * events count within the grace and not after it, and the figures arrive on analytics.daily.v1 and in the
 * global store the API reads.
 */
class AnalyticsTopologyTest {

    private static final Duration GRACE = Duration.ofHours(6);
    private static final List<String> INPUTS = List.of(
            Topics.REPLIES, Topics.CHAT_ACTIVITY, Topics.AD_DECISIONS, Topics.AD_IMPRESSIONS, Topics.AUTH_USERS);
    private static final Instant DAY_ONE = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant DAY_TWO = DAY_ONE.plus(Duration.ofDays(1));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private Map<String, TestInputTopic<String, String>> inputs;
    private TestOutputTopic<String, DailyRollup> rollups;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.build(builder, GRACE);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        inputs = new HashMap<>();
        for (String topic : INPUTS) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new StringSerializer()));
        }
        rollups = driver.createOutputTopic(
                Topics.ANALYTICS_DAILY,
                new StringDeserializer(),
                AnalyticsSerdes.rollups().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void repliesAddUpPerUtcDayForTheProductTheModelAndTheCharacter() {
        Chat ann = Chat.random();
        Chat bob = Chat.with(ann.characterId());
        send(ann.completed(UUID.randomUUID(), MODEL, 1000, 40, 1200, at(DAY_ONE, "09:00")));
        send(bob.completed(UUID.randomUUID(), MODEL, 500, 60, 800, at(DAY_ONE, "23:59:59")));
        send(ann.completed(UUID.randomUUID(), "other-model", 300, 30, 2000, at(DAY_TWO, "00:00:01")));

        Map<String, DailyRollup> latest = latest();

        DailyRollup dayOne = latest.get(id(DAY_ONE, RollupDimension.ALL, null));
        assertThat(dayOne.turns()).isEqualTo(2);
        assertThat(dayOne.tokensIn()).isEqualTo(1500);
        assertThat(dayOne.tokensOut()).isEqualTo(100);
        assertThat(dayOne.activeUsers()).isEqualTo(2);
        assertThat(dayOne.latencyP50Ms()).isBetween(792L, 808L);
        assertThat(dayOne.latencyP95Ms()).isBetween(1188L, 1212L);
        assertThat(Latency.decode(Latency.fromBase64(dayOne.latencyHistogram())).getTotalCount())
                .isEqualTo(2);
        DailyRollup model = latest.get(id(DAY_ONE, RollupDimension.MODEL, MODEL));
        assertThat(model.turns()).isEqualTo(2);
        assertThat(model.tokensIn()).isEqualTo(1500);
        DailyRollup character = latest.get(
                id(DAY_ONE, RollupDimension.CHARACTER, ann.characterId().toString()));
        assertThat(character.turns()).isEqualTo(2);
        assertThat(character.activeUsers()).isEqualTo(2);
        DailyRollup dayTwo = latest.get(id(DAY_TWO, RollupDimension.ALL, null));
        assertThat(dayTwo.turns()).isEqualTo(1);
        assertThat(dayTwo.tokensIn()).isEqualTo(300);
        assertThat(latest.get(id(DAY_TWO, RollupDimension.MODEL, MODEL))).isNull();
    }

    @Test
    void aRedeliveredOrRedoneReplyCountsOnce() {
        Chat chat = Chat.random();
        UUID request = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Event reply = chat.completed(request, MODEL, 100, 10, 500, at(DAY_ONE, "10:00"));
        String record = envelope(eventId, reply, at(DAY_ONE, "10:00"));
        input(Topics.REPLIES).pipeInput(chat.sessionId().toString(), record);
        input(Topics.REPLIES).pipeInput(chat.sessionId().toString(), record);
        // A worker that died after publishing: the request is redone and a second outcome published.
        send(chat.completed(request, MODEL, 100, 12, 700, at(DAY_ONE, "10:01")));
        send(chat.failed(request, "llm_timeout", at(DAY_ONE, "10:02")));
        UUID message = UUID.randomUUID();
        send(chat.sent(message, at(DAY_ONE, "09:59")));
        send(chat.sent(message, at(DAY_ONE, "09:59")));

        DailyRollup day = latest().get(id(DAY_ONE, RollupDimension.ALL, null));

        assertThat(day.turns()).isEqualTo(1);
        assertThat(day.tokensOut()).isEqualTo(10);
        assertThat(day.failures()).isEmpty();
        assertThat(day.messagesSent()).isEqualTo(1);
    }

    @Test
    void aLateEventCountsWithinTheGraceAndNotAfterIt() {
        Chat chat = Chat.random();
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_ONE, "12:00")));
        // Stream time moves into day two.
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_TWO, "05:00")));
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_ONE, "23:30")));
        // Past day one's end + 6 h grace: the next late event of day one is dropped.
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_TWO, "06:00:01")));
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_ONE, "23:45")));

        Map<String, DailyRollup> latest = latest();

        assertThat(latest.get(id(DAY_ONE, RollupDimension.ALL, null)).turns()).isEqualTo(2);
        assertThat(latest.get(id(DAY_TWO, RollupDimension.ALL, null)).turns()).isEqualTo(2);
    }

    @Test
    void activeUsersAreDistinctPerDay() {
        Chat ann = Chat.random();
        Chat annElsewhere = ann.nextSession();
        Chat bob = Chat.random();
        send(ann.sent(UUID.randomUUID(), at(DAY_ONE, "08:00")));
        send(ann.completed(UUID.randomUUID(), MODEL, 1, 1, 1, at(DAY_ONE, "08:01")));
        send(annElsewhere.sent(UUID.randomUUID(), at(DAY_ONE, "20:00")));
        send(bob.blocked(UUID.randomUUID(), "input", List.of("S12"), at(DAY_ONE, "21:00")));
        send(ann.sent(UUID.randomUUID(), at(DAY_TWO, "08:00")));

        Map<String, DailyRollup> latest = latest();

        assertThat(latest.get(id(DAY_ONE, RollupDimension.ALL, null)).activeUsers())
                .isEqualTo(2);
        assertThat(latest.get(id(DAY_TWO, RollupDimension.ALL, null)).activeUsers())
                .isEqualTo(1);
        assertThat(latest.get(id(
                                DAY_ONE,
                                RollupDimension.CHARACTER,
                                bob.characterId().toString()))
                        .activeUsers())
                .isEqualTo(1);
    }

    /**
     * Every message and reply says "active today" again; the input task forwards the first of each user, dimension and
     * day only, so a day of chatting crosses the repartition by user once, not with every turn.
     */
    @Test
    void aUsersActivityCrossesTheRepartitionOncePerDimensionAndDay() {
        TestOutputTopic<String, String> byUser = driver.createOutputTopic(
                "analytics-test-by-user-repartition", new StringDeserializer(), new StringDeserializer());
        Chat ann = Chat.random();
        for (int turn = 0; turn < 5; turn++) {
            send(ann.sent(UUID.randomUUID(), at(DAY_ONE, "08:0" + turn)));
            send(ann.completed(UUID.randomUUID(), MODEL, 1, 1, 1, at(DAY_ONE, "08:0" + turn + ":30")));
        }
        send(ann.sent(UUID.randomUUID(), at(DAY_TWO, "08:00")));

        assertThat(byUser.readKeyValuesToList())
                .as("the product and the character, on each of the two days")
                .hasSize(4)
                .allSatisfy(
                        record -> assertThat(record.key).isEqualTo(ann.userId().toString()));
        Map<String, DailyRollup> latest = latest();
        assertThat(latest.get(id(DAY_ONE, RollupDimension.ALL, null)).activeUsers())
                .isEqualTo(1);
        assertThat(latest.get(id(DAY_ONE, RollupDimension.ALL, null)).turns()).isEqualTo(5);
        assertThat(latest.get(id(DAY_TWO, RollupDimension.ALL, null)).activeUsers())
                .isEqualTo(1);
    }

    @Test
    void blocksFailuresAdsSessionsAndSignUpsAreCountedByKind() {
        Chat chat = Chat.random();
        send(chat.registered(at(DAY_ONE, "07:00")));
        send(chat.started(at(DAY_ONE, "07:01")));
        send(chat.blocked(UUID.randomUUID(), "input", List.of("S12"), at(DAY_ONE, "07:02")));
        send(chat.blocked(UUID.randomUUID(), "output", List.of("S4", "S12"), at(DAY_ONE, "07:03")));
        send(chat.blocked(UUID.randomUUID(), "input", List.of(), at(DAY_ONE, "07:04")));
        // Refused by chat-service before it became a request.
        InputBlocked refused = chat.refused("harmful-content", List.of("S9"), at(DAY_ONE, "07:04"));
        send(refused);
        send(refused);
        send(chat.refused("minors", List.of("S4", "S12"), at(DAY_ONE, "07:04")));
        send(chat.failed(UUID.randomUUID(), "llm_timeout", at(DAY_ONE, "07:05")));
        UUID shown = UUID.randomUUID();
        send(chat.decision(shown, 10, true, at(DAY_ONE, "07:06")));
        send(chat.decision(UUID.randomUUID(), 11, false, at(DAY_ONE, "07:07")));
        send(chat.impression(shown, ImpressionAction.SHOWN, at(DAY_ONE, "07:08")));
        send(chat.impression(shown, ImpressionAction.SHOWN, at(DAY_ONE, "07:08")));
        send(chat.impression(shown, ImpressionAction.CLICKED, at(DAY_ONE, "07:09")));

        DailyRollup day = latest().get(id(DAY_ONE, RollupDimension.ALL, null));

        assertThat(day.newUsers()).isEqualTo(1);
        assertThat(day.sessionsStarted()).isEqualTo(1);
        assertThat(day.blockedInputs())
                .containsExactly(
                        new NamedCount("S12", 2),
                        new NamedCount("S4", 1),
                        new NamedCount("S9", 1),
                        new NamedCount("policy", 1));
        assertThat(day.blockedOutputs()).containsExactly(new NamedCount("S12", 1), new NamedCount("S4", 1));
        assertThat(day.failures()).containsExactly(new NamedCount("llm_timeout", 1));
        assertThat(day.adsDecided()).isEqualTo(1);
        assertThat(day.adsShown()).isEqualTo(1);
        assertThat(day.adClicks()).isEqualTo(1);
        assertThat(day.turns()).isZero();
    }

    @Test
    void failuresAndFallbacksCountForTheirModelAndARedeliveredFailureCountsOnce() {
        Chat chat = Chat.random();
        String fallback = "fallback-model";
        send(chat.completed(UUID.randomUUID(), MODEL, 100, 10, 900, at(DAY_ONE, "09:00")));
        // The preferred model could not serve; the fallback wrote the reply.
        send(chat.completed(UUID.randomUUID(), fallback, MODEL, 200, 20, 1500, at(DAY_ONE, "09:05")));
        UUID failedRequest = UUID.randomUUID();
        Event failure = chat.failed(failedRequest, "llm_stream_broken", fallback, at(DAY_ONE, "09:10"));
        String record = envelope(UUID.randomUUID(), failure, at(DAY_ONE, "09:10"));
        input(Topics.REPLIES).pipeInput(chat.sessionId().toString(), record);
        input(Topics.REPLIES).pipeInput(chat.sessionId().toString(), record);
        // Redone after a crash: a second failure of the same request, with a new event id.
        send(chat.failed(failedRequest, "llm_timeout", MODEL, at(DAY_ONE, "09:11")));
        send(chat.failed(UUID.randomUUID(), "llm_timeout", MODEL, at(DAY_ONE, "09:20")));
        // No model was called: the product's failure only.
        send(chat.failed(UUID.randomUUID(), "request_expired", at(DAY_ONE, "09:30")));

        Map<String, DailyRollup> latest = latest();

        DailyRollup preferred = latest.get(id(DAY_ONE, RollupDimension.MODEL, MODEL));
        assertThat(preferred.turns()).isEqualTo(1);
        assertThat(preferred.fallbacks()).isZero();
        assertThat(preferred.failures()).containsExactly(new NamedCount("llm_timeout", 1));
        DailyRollup standIn = latest.get(id(DAY_ONE, RollupDimension.MODEL, fallback));
        assertThat(standIn.turns()).isEqualTo(1);
        assertThat(standIn.tokensIn()).isEqualTo(200);
        assertThat(standIn.fallbacks()).isEqualTo(1);
        assertThat(standIn.failures()).containsExactly(new NamedCount("llm_stream_broken", 1));
        DailyRollup day = latest.get(id(DAY_ONE, RollupDimension.ALL, null));
        assertThat(day.turns()).isEqualTo(2);
        assertThat(day.fallbacks()).isEqualTo(1);
        assertThat(day.failures())
                .containsExactly(
                        new NamedCount("llm_stream_broken", 1),
                        new NamedCount("llm_timeout", 1),
                        new NamedCount("request_expired", 1));
        assertThat(latest.get(id(
                                DAY_ONE,
                                RollupDimension.CHARACTER,
                                chat.characterId().toString()))
                        .failures())
                .as("failures are counted for the product and the model")
                .isEmpty();
    }

    @Test
    void figuresStoredBeforeFallbacksWereCountedReadAsNoFallbacks() {
        var serde = AnalyticsSerdes.figures();
        ObjectNode stored = (ObjectNode)
                EventJson.mapper().readTree(serde.serializer().serialize("t", Figures.turn(10, 1, 100, false)));
        stored.remove("fallbacks");

        Figures read = serde.deserializer().deserialize("t", EventJson.mapper().writeValueAsBytes(stored));

        assertThat(read.fallbacks()).isZero();
        assertThat(read.turns()).isEqualTo(1);
        assertThat(read.plus(Figures.turn(10, 1, 100, true)).fallbacks()).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNotAnEventGoesToItsDeadLetterTopicUnchanged() {
        TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(
                Topics.deadLetter(Topics.REPLIES), new StringDeserializer(), new ByteArrayDeserializer());
        input(Topics.REPLIES).pipeInput("k", "{not json");
        input(Topics.REPLIES).pipeInput("k", "{\"event_type\":\"chat.something-new\",\"data\":{}}");

        assertThat(deadLetters.readValuesToList())
                .extracting(String::new)
                .containsExactly("{not json", "{\"event_type\":\"chat.something-new\",\"data\":{}}");
        assertThat(rollups.isEmpty()).isTrue();
    }

    @Test
    void theGlobalStoreHoldsTheLatestRollupOfEachKey() {
        Chat chat = Chat.random();
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_ONE, "12:00")));
        send(chat.completed(UUID.randomUUID(), MODEL, 10, 1, 100, at(DAY_ONE, "13:00")));

        KeyValueStore<String, DailyRollup> store = driver.getKeyValueStore(AnalyticsTopology.ROLLUPS);

        assertThat(store.get(id(DAY_ONE, RollupDimension.ALL, null)).turns()).isEqualTo(2);
    }

    private void send(Event event) {
        Instant at = occurredAt(event);
        input(topicOf(event)).pipeInput(event.partitionKey(), envelope(event, at), at);
    }

    private static Instant occurredAt(Event event) {
        return switch (event) {
            case com.companion.contracts.chat.ReplyCompleted e -> e.completedAt();
            case com.companion.contracts.chat.ReplyFailed e -> e.failedAt();
            case com.companion.contracts.chat.ReplyBlocked e -> e.blockedAt();
            case InputBlocked e -> e.blockedAt();
            case com.companion.contracts.chat.MessageSent e -> e.sentAt();
            case com.companion.contracts.chat.SessionStarted e -> e.startedAt();
            case com.companion.contracts.ads.AdDecision e -> e.decidedAt();
            case com.companion.contracts.ads.AdImpression e -> e.recordedAt();
            case com.companion.contracts.auth.UserRegistered e -> e.registeredAt();
            default -> throw new IllegalArgumentException(event.toString());
        };
    }

    private static String topicOf(Event event) {
        return com.companion.contracts.EventTypes.of(event.getClass()).topic();
    }

    private TestInputTopic<String, String> input(String topic) {
        return inputs.get(topic);
    }

    private Map<String, DailyRollup> latest() {
        return rollups.readKeyValuesToMap();
    }

    private static String id(Instant day, RollupDimension dimension, String dimensionId) {
        return DailyRollup.rollupId(day.toString().substring(0, 10), dimension, dimensionId)
                .toString();
    }

    private static Instant at(Instant day, String time) {
        String full = time.length() == 5 ? time + ":00" : time;
        return Instant.parse(day.toString().substring(0, 10) + "T" + full + "Z");
    }
}
