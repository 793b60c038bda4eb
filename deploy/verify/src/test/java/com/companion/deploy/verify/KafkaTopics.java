package com.companion.deploy.verify;

import static com.companion.deploy.verify.Manifests.map;
import static com.companion.deploy.verify.Manifests.name;
import static com.companion.deploy.verify.Manifests.str;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The Strimzi {@code KafkaTopic} resources of a rendered overlay, by topic name. */
final class KafkaTopics {

    /** One declared topic: its resource name, partitions, replicas and topic configuration. */
    record Declared(String resource, int partitions, int replicas, Map<String, String> config) {}

    final Map<String, Declared> byTopic = new TreeMap<>();

    private KafkaTopics() {}

    static KafkaTopics of(Manifests m) {
        KafkaTopics topics = new KafkaTopics();
        for (Map<String, Object> resource : m.ofKind("KafkaTopic")) {
            Map<String, Object> spec = map(resource, "spec");
            String topic = str(spec, "topicName") == null ? name(resource) : str(spec, "topicName");
            Map<String, String> config = new TreeMap<>();
            map(spec, "config").forEach((key, value) -> config.put(key, String.valueOf(value)));
            topics.byTopic.put(
                    topic,
                    new Declared(
                            name(resource),
                            ((Number) spec.getOrDefault("partitions", -1)).intValue(),
                            ((Number) spec.getOrDefault("replicas", -1)).intValue(),
                            config));
        }
        return topics;
    }

    boolean isEmpty() {
        return byTopic.isEmpty();
    }

    Optional<Integer> partitions(String topic) {
        return Optional.ofNullable(byTopic.get(topic)).map(Declared::partitions);
    }
}
