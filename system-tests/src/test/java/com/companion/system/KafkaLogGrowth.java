package com.companion.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far every partition's log end moved, per topic, internal topics included: the records the broker
 * appended (transaction markers and consumer offsets too). Unlike CPU time it does not depend on how busy
 * the machine is, so divided by the turns of a phase it is a stable measure of the broker's work per turn.
 */
final class KafkaLogGrowth implements AutoCloseable {

    private final Admin admin;
    private final Map<String, Long> start;

    KafkaLogGrowth(String bootstrapServers) throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        start = ends();
    }

    /** Records appended per topic since this was created, the largest first. */
    Map<String, Long> sinceStart() throws Exception {
        Map<String, Long> now = ends();
        return now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private Map<String, Long> ends() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get(10, TimeUnit.SECONDS);
        Map<String, Long> perTopic = new HashMap<>();
        logEnds(admin, topics, IsolationLevel.READ_UNCOMMITTED)
                .forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
        return perTopic;
    }

    /** The log end of every partition of {@code topics}, as a consumer with {@code isolation} would see it. */
    static Map<TopicPartition, Long> logEnds(Admin admin, Collection<String> topics, IsolationLevel isolation)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation))
                .all()
                .get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
