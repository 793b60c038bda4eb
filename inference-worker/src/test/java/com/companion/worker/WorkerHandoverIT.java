package com.companion.worker;

import static com.companion.worker.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventJson;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.offlinellm.Behaviour;
import com.companion.offlinellm.OfflineLlmServer;
import com.companion.platform.test.TestKafka;
import com.companion.worker.support.Published;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance stopped while a generation hangs: the generation is cut off without an outcome, its
 * offset is not committed, and another instance of the group does the request again, once. The two
 * instances are full applications started by hand, on a topic of their own so that the shared test
 * context's consumer does not take part.
 */
class WorkerHandoverIT {

    private static final String TOPIC = "chat.message-requested.v1.handover-it";

    private OfflineLlmServer llm;
    private Published published;

    @BeforeEach
    void start() {
        llm = OfflineLlmServer.start(0);
        published = new Published();
    }

    @AfterEach
    void stop() {
        published.close();
        llm.close();
    }

    @Test
    void aRequestCutOffByAStoppingInstanceIsCompletedOnceByAnother() throws Exception {
        llm.enqueue(Behaviour.hanging());
        MessageRequested request =
                request().message("are you there? " + UUID.randomUUID()).build();
        publish(request);

        ConfigurableApplicationContext first = worker();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> llm.calls().stream()
                        .anyMatch(call -> call.lastUserMessage().orElse("").equals(request.userMessage())
                                && call.status() == 200));
        long stopping = System.nanoTime();
        first.close();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);

        assertThat(stopTook).as("stopped within the drain timeout and a little").isLessThan(Duration.ofSeconds(10));
        assertThat(published.outcomes(request.requestId()))
                .as("no outcome from the stopped instance")
                .isEmpty();

        try (ConfigurableApplicationContext second = worker()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !published.outcomes(request.requestId()).isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> published.outcomes(request.requestId()).size() == 1);
        }

        assertThat(published.outcomes(request.requestId()))
                .singleElement()
                .satisfies(seen -> assertThat(seen.event()).isInstanceOf(ReplyCompleted.class));
        assertThat(llm.calls())
                .filteredOn(call -> call.lastUserMessage().orElse("").equals(request.userMessage()))
                .filteredOn(call -> call.status() == 200)
                .hasSize(2);
    }

    /** Command-line arguments, so that they override application.yml. */
    private ConfigurableApplicationContext worker() {
        return new SpringApplicationBuilder(InferenceWorkerApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--platform.kafka.topics.partitions=2",
                        "--server.port=0",
                        "--worker.intake.topic=" + TOPIC,
                        "--worker.intake.group-id=inference-worker-handover-it",
                        "--worker.intake.drain-timeout=1s",
                        "--worker.reply.deadline=60s",
                        "--worker.llm.first-token-timeout=60s",
                        "--worker.llm.base-url=" + llm.baseUrl(),
                        "--worker.llm.api-key=test-key");
    }

    private static void publish(MessageRequested request) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, request.sessionId().toString(), EventJson.encode(request)))
                    .get();
        }
    }
}
