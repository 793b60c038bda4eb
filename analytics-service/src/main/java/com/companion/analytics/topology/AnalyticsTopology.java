package com.companion.analytics.topology;

import com.companion.analytics.figures.Dimension;
import com.companion.analytics.figures.Figures;
import com.companion.analytics.figures.Latency;
import com.companion.analytics.topology.internal.AnalyticsSerdes;
import com.companion.analytics.topology.internal.Contributions;
import com.companion.analytics.topology.internal.Decoded;
import com.companion.analytics.topology.internal.EventTime;
import com.companion.analytics.topology.internal.FirstSeen;
import com.companion.analytics.topology.internal.ForwardedOnceHere;
import com.companion.contracts.Event;
import com.companion.contracts.Topics;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.NamedCount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The whole analytics pipeline, one Kafka Streams topology:
 *
 * <ol>
 *   <li>read the event topics (replies, chat activity, ad decisions and impressions, users) with event time from {@code occurred_at}; a record that is not
 *       an event goes unchanged to {@code <topic>.DLT};
 *   <li>drop redeliveries ({@link FirstSeen} on the request, session or decision id, on the input partition,
 *       which already holds every record of that id);
 *   <li>turn each event into contributions per dimension (the product, a model, a character) and, through a
 *       repartition by user, one "active today" per user, dimension and UTC day (each input task first drops the ones
 *       it already forwarded, {@link ForwardedOnceHere}, so a day of chatting crosses the repartition about once);
 *   <li>add them up in daily tumbling windows (UTC midnight to midnight; late events are taken up to
 *       {@code grace} after the day ended, later ones are dropped and counted by Streams'
 *       {@code dropped-records} metric);
 *   <li>publish every change of a day's figures as a {@link DailyRollup} to the compacted
 *       {@code analytics.daily.v1}, which every instance reads back into the global store {@link #ROLLUPS}
 *       that the HTTP API queries.
 * </ol>
 *
 * With {@code processing.guarantee=exactly_once_v2} the input offsets, the stores' changelogs and the
 * output records of a task commit in one transaction.
 */
public final class AnalyticsTopology {

    /** The global store of the latest rollup per rollup id, for interactive queries. */
    public static final String ROLLUPS = "rollups";

    static final String SEEN_EVENTS = "seen-events";
    static final String SEEN_USERS = "seen-active-users";
    static final String DAILY_FIGURES = "daily-figures";

    private static final Duration DAY = Duration.ofDays(1);

    /**
     * How many "active today" ids each input task remembers having forwarded (about 100 bytes each): every message and
     * reply of a user makes two, and only the first of a day needs the repartition by user.
     */
    static final int ACTIVITY_REMEMBERED_HERE = 20_000;

    private AnalyticsTopology() {}

    /**
     * @param grace how long after a UTC day ends its events are still counted
     * @return the stream of input records
     */
    public static KStream<String, Decoded> build(StreamsBuilder builder, Duration grace) {
        // Ids are remembered a little longer than a day's window stays open: a redelivery after that is
        // late for its window anyway.
        Duration remember = DAY.plus(grace).plus(Duration.ofHours(1));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_EVENTS, remember.multipliedBy(2), remember.multipliedBy(2), false),
                Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_USERS, remember.multipliedBy(2), remember.multipliedBy(2), false),
                Serdes.String(),
                Serdes.Long()));

        KStream<String, Decoded> input = builder.stream(
                List.of(
                        Topics.REPLIES,
                        Topics.CHAT_ACTIVITY,
                        Topics.AD_DECISIONS,
                        Topics.AD_IMPRESSIONS,
                        Topics.AUTH_USERS),
                Consumed.with(Serdes.String(), AnalyticsSerdes.decoded())
                        .withTimestampExtractor(new EventTime())
                        .withName("events"));

        input.filter((key, value) -> value != null && !value.isEvent(), Named.as("not-events"))
                .mapValues(Decoded::raw, Named.as("raw"))
                .to(
                        (key, value, context) -> Topics.deadLetter(context.topic()),
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letters"));

        KStream<String, Event> events = input.filter(
                        (key, value) -> value != null && value.isEvent(), Named.as("events-only"))
                .mapValues(value -> (Event) value.envelope().data(), Named.as("data"))
                .filter((key, event) -> Contributions.deduplicationId(event).isPresent(), Named.as("counted"))
                .processValues(
                        () -> new FirstSeen<>(
                                SEEN_EVENTS,
                                remember,
                                record -> Contributions.deduplicationId(record.value())
                                        .orElseThrow()),
                        Named.as("first-delivery"),
                        SEEN_EVENTS);

        KStream<String, Figures> contributions =
                events.flatMap((key, event) -> Contributions.of(event), Named.as("contributions"));

        KStream<String, Figures> activeUsers = events.flatMap(
                        (key, event) -> Contributions.activity(event), Named.as("activity"))
                .processValues(
                        () -> new ForwardedOnceHere<String>(ACTIVITY_REMEMBERED_HERE, AnalyticsTopology::activityId),
                        Named.as("first-activity-here"))
                .repartition(
                        Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-user"))
                .processValues(
                        () -> new FirstSeen<String>(SEEN_USERS, remember, AnalyticsTopology::activityId),
                        Named.as("first-activity-of-the-day"),
                        SEEN_USERS)
                .map((user, dimension) -> KeyValue.pair(dimension, Figures.activeUser()), Named.as("active-user"));

        contributions
                .merge(activeUsers, Named.as("all-contributions"))
                .groupByKey(Grouped.with("by-dimension", Serdes.String(), AnalyticsSerdes.figures()))
                .windowedBy(TimeWindows.ofSizeAndGrace(DAY, grace))
                .aggregate(
                        () -> Figures.NONE,
                        (dimension, contribution, sum) -> sum.plus(contribution),
                        Named.as("add-up"),
                        Materialized.<String, Figures, WindowStore<Bytes, byte[]>>as(DAILY_FIGURES)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(AnalyticsSerdes.figures()))
                .toStream(Named.as("changes"))
                .map((window, figures) -> rollup(window, figures), Named.as("rollup"))
                .to(
                        Topics.ANALYTICS_DAILY,
                        Produced.with(Serdes.String(), AnalyticsSerdes.rollups())
                                .withName("rollups-out"));

        builder.globalTable(
                Topics.ANALYTICS_DAILY,
                Consumed.with(Serdes.String(), AnalyticsSerdes.rollups()).withName("rollups-in"),
                Materialized.<String, DailyRollup, KeyValueStore<Bytes, byte[]>>as(ROLLUPS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(AnalyticsSerdes.rollups()));
        return input;
    }

    /** One user active in one dimension on one UTC day. */
    private static String activityId(FixedKeyRecord<String, String> record) {
        return EventTime.utcDay(record.timestamp()) + "/" + record.value() + "/" + record.key();
    }

    static KeyValue<String, DailyRollup> rollup(Windowed<String> window, Figures figures) {
        String date = EventTime.utcDay(window.window().start()).toString();
        Dimension dimension = Dimension.parse(window.key());
        DailyRollup rollup = new DailyRollup(
                DailyRollup.rollupId(date, dimension.kind(), dimension.id()),
                date,
                dimension.kind(),
                dimension.id(),
                figures.activeUsers(),
                figures.newUsers(),
                figures.sessionsStarted(),
                figures.messagesSent(),
                figures.turns(),
                figures.tokensIn(),
                figures.tokensOut(),
                counts(figures.failures()),
                figures.fallbacks(),
                counts(figures.blockedInputs()),
                counts(figures.blockedOutputs()),
                figures.adsDecided(),
                figures.adsShown(),
                figures.adClicks(),
                Latency.percentile(figures.latency(), 50),
                Latency.percentile(figures.latency(), 95),
                Latency.toBase64(figures.latency()));
        return KeyValue.pair(rollup.rollupId().toString(), rollup);
    }

    private static List<NamedCount> counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(entry -> new NamedCount(entry.getKey(), entry.getValue()))
                .toList();
    }
}
