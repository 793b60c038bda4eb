package com.companion.worker.support;

import com.companion.contracts.Event;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SessionTitled;
import com.companion.platform.test.KafkaProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the worker published, read back from Kafka: chunks and outcomes, by request. */
public final class Published implements AutoCloseable {

    /** An event and the time its record was created (producer clock, ms). */
    public record Seen<T extends Event>(T event, long timestamp) {}

    private final KafkaProbe probe = new KafkaProbe(Topics.REPLY_CHUNKS, Topics.REPLIES);
    private final List<Seen<Event>> decoded = new ArrayList<>();

    /** Every outcome published so far. */
    public List<Event> outcomes() {
        return seen().stream()
                .map(Seen::event)
                .filter(e -> e instanceof ReplyCompleted || e instanceof ReplyFailed || e instanceof ReplyBlocked)
                .toList();
    }

    public List<Seen<Event>> outcomes(UUID requestId) {
        return seen().stream()
                .filter(s -> s.event() instanceof ReplyCompleted c
                                && c.requestId().equals(requestId)
                        || s.event() instanceof ReplyFailed f && f.requestId().equals(requestId)
                        || s.event() instanceof ReplyBlocked b && b.requestId().equals(requestId))
                .toList();
    }

    /** The titles published for a title request. */
    public List<SessionTitled> titles(UUID requestId) {
        return seen().stream()
                .map(Seen::event)
                .filter(e -> e instanceof SessionTitled t && t.requestId().equals(requestId))
                .map(SessionTitled.class::cast)
                .toList();
    }

    /** The summaries published for a summary request, with when they were. */
    public List<Seen<SessionSummarized>> summaries(UUID requestId) {
        return seen().stream()
                .filter(s -> s.event() instanceof SessionSummarized summarized
                        && summarized.requestId().equals(requestId))
                .map(s -> new Seen<>((SessionSummarized) s.event(), s.timestamp()))
                .toList();
    }

    /** The request's chunks in the order they were published. */
    public List<Seen<ReplyChunk>> chunks(UUID requestId) {
        return seen().stream()
                .filter(s -> s.event() instanceof ReplyChunk c && c.requestId().equals(requestId))
                .map(s -> new Seen<>((ReplyChunk) s.event(), s.timestamp()))
                .toList();
    }

    /** The text of one attempt's chunks, by sequence number. */
    public String text(UUID requestId, int attempt) {
        StringBuilder text = new StringBuilder();
        chunks(requestId).stream()
                .map(Seen::event)
                .filter(c -> c.attempt() == attempt)
                .sorted(Comparator.comparingInt(ReplyChunk::seq))
                .forEach(c -> text.append(c.text()));
        return text.toString();
    }

    private synchronized List<Seen<Event>> seen() {
        List<ConsumerRecord<String, String>> records = probe.records();
        for (int i = decoded.size(); i < records.size(); i++) {
            decoded.add(decode(records.get(i)));
        }
        return List.copyOf(decoded);
    }

    private static Seen<Event> decode(ConsumerRecord<String, String> record) {
        return new Seen<>(EventJson.decode(record.value()).data(), record.timestamp());
    }

    @Override
    public void close() {
        probe.close();
    }
}
