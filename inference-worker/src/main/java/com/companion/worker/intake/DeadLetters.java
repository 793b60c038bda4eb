package com.companion.worker.intake;

import com.companion.contracts.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Moves a record that is not a request to {@code <topic>.DLT}, byte for byte, on the same partition,
 * with the headers spring-kafka's {@code DeadLetterPublishingRecoverer} writes (so the platform's
 * dead-letter tooling reads both alike). The consumer does not use a listener container, so it cannot
 * use the kit's error handler; this is its equivalent for the one failure that is never retried.
 */
class DeadLetters implements DisposableBean {

    private final KafkaTemplate<String, byte[]> template;
    private final String groupId;
    private final long timeoutMillis;

    @SuppressWarnings("unchecked")
    DeadLetters(ProducerFactory<?, ?> producerFactory, String groupId, long timeoutMillis) {
        this.template = new KafkaTemplate<>(
                (ProducerFactory<String, byte[]>) producerFactory,
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.groupId = groupId;
        this.timeoutMillis = timeoutMillis;
    }

    /** Publishes and waits for the acknowledgement; throws when it did not come. */
    void publish(ConsumerRecord<String, byte[]> record, Exception cause) throws InterruptedException {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8(stackTrace(cause)));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE,
                utf8(record.timestampType().toString()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(groupId));
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(
                Topics.deadLetter(record.topic()), record.partition(), record.key(), record.value(), headers);
        try {
            template.send(deadLetter).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not dead-letter " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
        }
    }

    @Override
    public void destroy() {
        template.destroy();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Exception cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
