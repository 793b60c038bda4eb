package com.companion.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.media.testing.MediaClient;
import com.companion.media.testing.MediaClient.Answer;
import com.companion.media.testing.MediaIntegrationTest;
import com.companion.media.testing.TestFiles;
import com.companion.platform.export.ExportStorage;
import com.companion.platform.test.KafkaProbe;
import com.companion.platform.test.TestKafka;
import com.companion.platform.test.TestS3;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * media-service's part of a data export: the list of the user's media and a copy of each object in
 * the export's folder of the bucket (S3Mock over HTTP), announced once even when the request is
 * delivered twice; another user's media stay out.
 */
@MediaIntegrationTest
class AccountExportIT {

    private static final KafkaProbe PARTS = new KafkaProbe(Topics.EXPORT_PARTS);

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    MediaClient client;

    @BeforeEach
    void client() {
        client = new MediaClient(http, port);
    }

    @AfterAll
    static void close() {
        PARTS.close();
    }

    @Test
    void theUsersMediaListAndObjectsAreWrittenAndAnnouncedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        byte[] png = TestFiles.png(TestFiles.blocks(32, 32));
        Answer mine = client.upload(user, "image", null, "me.png", "image/png", png);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(client.upload(other, "image", null, "x.png", "image/png", png)
                        .status())
                .isEqualTo(201);

        UUID exportId = UUID.randomUUID();
        EventEnvelope<ExportRequested> request = EventEnvelope.wrap(new ExportRequested(exportId, user, Instant.now()));
        send(request);

        ExportPartReady ready = await().atMost(Duration.ofSeconds(30))
                .until(() -> partsOf(exportId), list -> !list.isEmpty())
                .getFirst();
        assertThat(ready.service()).isEqualTo("media-service");
        assertThat(ready.key()).isEqualTo(ExportStorage.partKey(exportId, "media-service"));
        JsonNode part = JsonMapper.builder().build().readTree(TestS3.read(ready.key()));
        assertThat(part.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(part.path("media").size()).as("only the user's own media").isEqualTo(1);
        JsonNode item = part.path("media").get(0);
        assertThat(item.path("id").asString()).isEqualTo(mine.text("id"));
        assertThat(item.path("mime_type").asString()).isEqualTo("image/png");
        String file = item.path("file").asString();
        assertThat(file).startsWith("media-service/" + mine.text("id"));
        byte[] copied = TestS3.read(ExportStorage.folder(exportId) + file);
        assertThat(copied).hasSize((int) item.path("size_bytes").asLong());
        assertThat(copied)
                .as("the stored object (sanitised on upload) is what the export holds")
                .isEqualTo(MediaClient.fetch(client.content(user, mine.text("id"))
                                .headers()
                                .firstValue("Location")
                                .orElseThrow())
                        .body());

        send(request); // redelivered
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> partsOf(exportId).size() == 1);
        assertThat(TestS3.keys(ExportStorage.folder(exportId))).hasSize(2);
    }

    private static List<ExportPartReady> partsOf(UUID exportId) {
        return PARTS.records().stream()
                .filter(record -> exportId.toString().equals(record.key()))
                .map(record ->
                        (ExportPartReady) EventJson.decode(record.value()).data())
                .toList();
    }

    private static void send(EventEnvelope<?> envelope) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), EventJson.encode(envelope)))
                    .get();
        }
    }
}
