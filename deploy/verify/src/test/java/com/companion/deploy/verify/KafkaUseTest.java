package com.companion.deploy.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.deploy.verify.KafkaUse.Acl;
import com.companion.deploy.verify.KafkaUse.Consumption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code reader behind KafkaAclsTest, on sources written here. */
class KafkaUseTest {

    private static final ServiceConfig CHAT = ServiceConfig.of("chat-service");

    private static KafkaUse read(String source) {
        return KafkaUse.ofSource("chat-service", "Example.java", source, CHAT, Map.of());
    }

    @Test
    void listenersConsumeInTheirResolvedGroup() {
        KafkaUse use = read("""
                class A {
                    @KafkaListener(
                            topics = {Topics.REPLIES, Topics.AD_DECISIONS},
                            groupId = "${platform.kafka.consumer-group}")
                    void on(ConsumerRecord<String, String> record) {}

                    @KafkaListener(topics = Topics.AUTH_USERS, groupId = "media-service")
                    void users(ConsumerRecord<String, String> record) {}
                }
                """);
        assertThat(use.problems).isEmpty();
        assertThat(use.consumes)
                .containsExactly(
                        new Consumption("ads.decisions.v1", "chat-service"),
                        new Consumption("auth.users.v1", "media-service"),
                        new Consumption("chat.replies.v1", "chat-service"));
        assertThat(use.requiredAcls())
                .contains(
                        new Acl("topic", "chat.replies.v1", "Read"),
                        new Acl("topic", "chat.replies.v1.DLT", "Write"),
                        new Acl("group", "chat-service", "Read"),
                        new Acl("group", "media-service", "Read"))
                .doesNotContain(new Acl("topic", "chat.replies.v1", "Write"));
    }

    @Test
    void constructedEventsSendsAndTombstonesPublish() {
        KafkaUse use = read("""
                class A {
                    void a() { outbox.publish(new MessageRequested(id, session)); }
                    ReplyCompleted b() { return new ReplyCompleted(x); }
                    void c() { kafka.send(com.companion.contracts.Topics.REPLY_CHUNKS, key, value); }
                    void d() { outbox.tombstone(Topics.CHARACTERS, id); }
                }
                """);
        assertThat(use.problems).isEmpty();
        assertThat(use.produces)
                .containsExactly(
                        "character.characters.v1",
                        "chat.message-requested.v1",
                        "chat.replies.v1",
                        "chat.reply-chunks.v1");
        assertThat(use.consumes).isEmpty();
    }

    @Test
    void assignedPartitionsAreReadWithoutAGroup() {
        KafkaUse use = read("""
                class A {
                    void start() {
                        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPLY_CHUNKS, timeout).stream()
                                .toList();
                    }
                }
                """);
        assertThat(use.problems).isEmpty();
        assertThat(use.readsWithoutGroup).containsExactly("chat.reply-chunks.v1");
        assertThat(use.requiredAcls())
                .containsExactly(
                        new Acl("topic", "chat.reply-chunks.v1", "Describe"),
                        new Acl("topic", "chat.reply-chunks.v1", "Read"));
    }

    @Test
    void commentsDoNotCountAndUnknownUsesAreProblems() {
        KafkaUse use = read("""
                /** Reads {@code Topics.REPLIES} and new ReplyCompleted( in prose. */
                class A {
                    // Topics.MEDIA_EVENTS
                    String where = Topics.AUTH_SESSIONS;
                    String literal = "ads.decisions.v1";
                    String url = "http://example/" + Topics.NOT_A_TOPIC;
                }
                """);
        assertThat(use.produces).isEmpty();
        assertThat(use.consumes).isEmpty();
        assertThat(use.problems)
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("Topics.AUTH_SESSIONS is used in a way"))
                .anySatisfy(p -> assertThat(p).contains("\"ads.decisions.v1\" is written as a string"))
                .anySatisfy(p -> assertThat(p).contains("Topics.NOT_A_TOPIC is not a topic constant"));
    }

    @Test
    void theRepositorysServicesReadWithoutProblems() {
        for (String service : KafkaAclsTest.kafkaClients()) {
            KafkaUse use = KafkaUse.of(service, ServiceConfig.of(service), Map.of());
            assertThat(use.problems).as(service).isEmpty();
            assertThat(use.usesKafka()).as(service).isTrue();
        }
        KafkaUse worker = KafkaUse.of("inference-worker", ServiceConfig.of("inference-worker"), Map.of());
        assertThat(worker.consumes)
                .containsExactlyInAnyOrder(
                        new Consumption("chat.message-requested.v1", "inference-worker"),
                        new Consumption("chat.title-requests.v1", "inference-worker-titles"),
                        new Consumption("chat.summary-requests.v1", "inference-worker-summaries"));
        assertThat(worker.produces).containsExactly("chat.replies.v1", "chat.reply-chunks.v1");
    }

    /** auth-service waits after an age correction for the groups that read the users' topic. */
    @Test
    void describedTopicsAndWatchedGroupsNeedDescribe() {
        KafkaUse auth = KafkaUse.of("auth-service", ServiceConfig.of("auth-service"), Map.of());
        assertThat(auth.describes).containsExactly("auth.sessions.v1", "auth.users.v1");
        assertThat(auth.watchedGroups).containsExactly("character-service", "chat-service");
        assertThat(auth.requiredAcls())
                .contains(
                        new KafkaUse.Acl("topic", "auth.users.v1", "Describe"),
                        new KafkaUse.Acl("topic", "auth.sessions.v1", "Describe"),
                        new KafkaUse.Acl("group", "character-service", "Describe"),
                        new KafkaUse.Acl("group", "chat-service", "Describe"));

        KafkaUse unnamed = read("""
                class Example {
                    void watch() { admin.listConsumerGroupOffsets(group); }
                }
                """);
        assertThat(unnamed.problems).singleElement().asString().contains("consumer-groups");
    }

    @Test
    void aKafkaStreamsApplicationNeedsItsInternalTopicsAndTransactionalIdsByPrefix() {
        KafkaUse analytics = KafkaUse.of("analytics-service", ServiceConfig.of("analytics-service"), Map.of());

        assertThat(analytics.streamsApplicationId).isEqualTo("analytics-service");
        assertThat(analytics.consumes)
                .contains(new Consumption("chat.replies.v1", "analytics-service"))
                .contains(new Consumption("chat.activity.v1", "analytics-service"));
        assertThat(analytics.produces).containsExactly("analytics.daily.v1");
        assertThat(analytics.readsWithoutGroup).containsExactly("analytics.daily.v1");
        assertThat(analytics.requiredAcls())
                .contains(new KafkaUse.Acl("topic", "analytics-service-*", "Create"))
                .contains(new KafkaUse.Acl("transactionalId", "analytics-service-*", "Write"))
                .contains(new KafkaUse.Acl("topic", "chat.replies.v1.DLT", "Write"));
    }
}
