package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import com.companion.system.OtlpCollector.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One chat turn is one trace: the gateway starts it, chat-service continues it and hands it to Kafka
 * in the records' {@code traceparent} header, the worker's LLM call is part of it (and tells the
 * provider), and the reply comes back to chat-service and ad-service in it. The spans are read from
 * what the services export over OTLP.
 */
@ExtendWith(Stack.class)
class TracingSystemIT {

    private static final String KAFKA = System.getProperty("system.kafka", "127.0.0.1:9092");
    private static final String MESSAGE_REQUESTED = "chat.message-requested.v1";
    private static final String REPLIES = "chat.replies.v1";

    @Test
    void oneChatTurnIsOneTraceFromTheGatewayThroughKafkaToTheLlmCallAndBack() throws Exception {
        OtlpCollector collector = Stack.traces().orElse(null);
        assumeThat(collector)
                .as("the stack was started outside this test run, so its spans are not exported here")
                .isNotNull();
        User user = Api.signup(27);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        String message = "Tell me about your favourite place " + UUID.randomUUID();

        try (KafkaConsumer<String, String> kafka = consumerAtEnd(MESSAGE_REQUESTED, REPLIES)) {
            // No traceparent from the client: the gateway starts the trace.
            JsonNode reply = ChatSystemIT.send(user, session, message);
            assertThat(reply.path("reply").asString()).isNotBlank();

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            ConsumerRecord<String, String> requested = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> find(
                                    kafka,
                                    records,
                                    MESSAGE_REQUESTED,
                                    r -> r.value().contains(message)),
                            r -> r != null);
            String requestId = Api.JSON
                    .readTree(requested.value())
                    .path("data")
                    .path("request_id")
                    .asString();
            ConsumerRecord<String, String> replied = await().atMost(Duration.ofSeconds(20))
                    .until(() -> find(kafka, records, REPLIES, r -> r.value().contains(requestId)), r -> r != null);

            String traceId = traceId(requested);
            assertThat(traceId(replied))
                    .as("the worker's reply record continues the request's trace")
                    .isEqualTo(traceId);

            List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(30))
                    .until(() -> collector.trace(traceId), TracingSystemIT::complete);

            ReceivedSpan root =
                    trace.stream().filter(ReceivedSpan::isRoot).findFirst().orElseThrow();
            assertThat(root.service())
                    .as("the gateway starts the trace: %s", trace)
                    .isEqualTo("gateway-service");
            assertThat(root.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
            ReceivedSpan chatServer = only(trace, "chat-service", SpanKind.SPAN_KIND_SERVER);
            assertThat(ids(trace, "gateway-service"))
                    .as("chat-service's request span is a child of the gateway's: %s", trace)
                    .contains(chatServer.parentSpanId());

            List<ReceivedSpan> llmCalls = trace.stream()
                    .filter(s -> s.service().equals("inference-worker")
                            && s.kind() == SpanKind.SPAN_KIND_CLIENT
                            && s.name().startsWith("chat "))
                    .toList();
            assertThat(llmCalls).allSatisfy(call -> {
                assertThat(call.attributes()).containsEntry("gen_ai.operation.name", "chat");
                assertThat(ids(trace, "inference-worker"))
                        .as("the LLM call happens inside the worker's handling of the record: %s", trace)
                        .contains(call.parentSpanId());
            });
            assertThat(llmCallTraceparents(message))
                    .as(
                            "the provider is sent each LLM call's own span (a refused model and its fallback are two calls)")
                    .containsExactlyInAnyOrderElementsOf(llmCalls.stream()
                            .map(call -> "00-" + traceId + "-" + call.spanId() + "-01")
                            .toList());

            assertThat(trace)
                    .as("chat-service and ad-service take the reply in the same trace")
                    .anyMatch(s -> s.service().equals("chat-service")
                            && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                            && s.name().startsWith(REPLIES))
                    .anyMatch(s -> s.service().equals("ad-service")
                            && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                            && s.name().startsWith(REPLIES));
        }
    }

    /**
     * Exported: spans arrive in batches, each service's on its own schedule. The trace is complete once
     * it is one tree (one root, every parent present) that reaches the reply's consumers.
     */
    private static boolean complete(List<ReceivedSpan> spans) {
        Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return spans.stream().filter(ReceivedSpan::isRoot).count() == 1
                && spans.stream().allMatch(s -> s.isRoot() || ids.contains(s.parentSpanId()))
                && spans.stream()
                        .anyMatch(s -> s.service().equals("inference-worker") && s.kind() == SpanKind.SPAN_KIND_CLIENT)
                && spans.stream()
                        .anyMatch(s -> s.service().equals("chat-service")
                                && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                                && s.name().startsWith(REPLIES))
                && spans.stream()
                        .anyMatch(s -> s.service().equals("ad-service") && s.kind() == SpanKind.SPAN_KIND_CONSUMER);
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, SpanKind kind) {
        List<ReceivedSpan> found = trace.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind)
                .toList();
        assertThat(found).as("%s %s spans in %s", service, kind, trace).hasSize(1);
        return found.getFirst();
    }

    private static Set<String> ids(List<ReceivedSpan> trace, String service) {
        return trace.stream()
                .filter(s -> s.service().equals(service))
                .map(ReceivedSpan::spanId)
                .collect(Collectors.toSet());
    }

    /** The trace id in a record's W3C {@code traceparent} header ({@code 00-<trace>-<span>-<flags>}). */
    private static String traceId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header on %s", record.topic()).isNotNull();
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        return traceparent.split("-")[1];
    }

    /** The traceparent of every call the offline LLM got with the message. */
    private static List<String> llmCallTraceparents(String message) {
        Response calls = Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/calls"))
                .timeout(Duration.ofSeconds(10))
                .build());
        List<String> traceparents = new ArrayList<>();
        for (JsonNode call : calls.json().path("calls")) {
            for (JsonNode m : call.path("messages")) {
                if (m.path("role").asString().equals("user")
                        && m.path("content").asString().contains(message)) {
                    traceparents.add(call.path("traceparent").asString(null));
                }
            }
        }
        assertThat(traceparents).as("the offline LLM's calls with the message").isNotEmpty();
        return traceparents;
    }

    private static KafkaConsumer<String, String> consumerAtEnd(String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the turn is sent
        return consumer;
    }

    private static ConsumerRecord<String, String> find(
            KafkaConsumer<String, String> kafka,
            List<ConsumerRecord<String, String>> seen,
            String topic,
            java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        StreamSupport.stream(kafka.poll(Duration.ofMillis(200)).spliterator(), false)
                .forEach(seen::add);
        return seen.stream()
                .filter(r -> r.topic().equals(topic) && r.value() != null && match.test(r))
                .findFirst()
                .orElse(null);
    }
}
