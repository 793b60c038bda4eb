package com.companion.chat.push;

import com.companion.contracts.EventJson;
import com.companion.contracts.MalformedEventException;
import com.companion.contracts.Topics;
import com.companion.contracts.chat.ReplyChunk;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every reply chunk, read by this instance alone: a consumer without a group, assigned all
 * partitions of the chunk topic from their end, so any instance can push to the sockets it holds
 * and nothing is committed (chunks are ephemeral; a restarted instance has no socket to feed). Chunks of
 * sessions this instance has nothing for are skipped by their key before they are decoded.
 */
@Component
class ChunkFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChunkFeed.class);

    private final KafkaProperties kafkaProperties;
    private final ReplyHub hub;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    ChunkFeed(KafkaProperties kafkaProperties, ReplyHub hub) {
        this.kafkaProperties = kafkaProperties;
        this.hub = hub;
    }

    @Override
    public void start() {
        // The service's own Kafka settings (brokers, security), minus the group: this consumer has none.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "chat-chunk-feed");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPLY_CHUNKS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        running = true;
        thread = Thread.ofPlatform().name("chat-chunk-feed").daemon().start(this::loop);
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null || !wanted(record.key())) {
                        continue;
                    }
                    try {
                        if (EventJson.decode(record.value()).data() instanceof ReplyChunk chunk) {
                            hub.onChunk(chunk);
                        }
                    } catch (MalformedEventException e) {
                        log.warn(
                                "skipping a malformed chunk at {}-{}@{}",
                                record.topic(),
                                record.partition(),
                                record.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The record key is the session id; a record without a readable one is decoded to be sure. */
    private boolean wanted(String key) {
        if (key == null) {
            return true;
        }
        try {
            return hub.wantsChunksOf(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
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
