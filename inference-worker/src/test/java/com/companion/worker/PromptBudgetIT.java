package com.companion.worker;

import static com.companion.worker.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.companion.contracts.EventJson;
import com.companion.contracts.Topics;
import com.companion.contracts.chat.Memory;
import com.companion.contracts.chat.MessageRequested;
import com.companion.offlinellm.OfflineLlmServer;
import com.companion.offlinellm.RecordedCall;
import com.companion.platform.test.IntegrationTest;
import com.companion.worker.support.Requests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token budget end to end: a worker whose models have a 1,500-token context (and 512 reserved for the reply)
 * gets a long conversation with memory; the prompt the offline LLM receives has dropped what is least needed.
 */
@IntegrationTest(
        database = false,
        properties = {
            "worker.llm.api-key=test-key",
            "worker.llm.max-tokens=512",
            "worker.prompt.budget.context-tokens=1500"
        })
class PromptBudgetIT {

    static final OfflineLlmServer llm = OfflineLlmServer.start(0);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("worker.llm.base-url", llm::baseUrl);
    }

    @AfterAll
    static void close() {
        llm.close();
    }

    @Test
    void aLongConversationLosesRecalledMessagesTheSummaryAndItsOldestMessagesButNeverTheRulesOrTheNewMessage()
            throws Exception {
        Requests builder = request()
                .memory(new Memory(
                        "mira",
                        null,
                        List.of("I am allergic to peanuts."),
                        List.of("Last spring I adopted a golden retriever called Biscuit."),
                        "They talked about Mira's night shifts at the observatory."))
                .message("So what should we cook tonight?");
        for (int i = 1; i <= 30; i++) {
            builder.user("Message " + i + " from me about an ordinary thing that happened at work today, nothing more.")
                    .assistant("Reply " + i + " from you, kind and curious about what happened at work today.");
        }
        MessageRequested request = builder.build();
        kafka.send(Topics.MESSAGE_REQUESTED, request.sessionId().toString(), EventJson.encode(request))
                .get(10, TimeUnit.SECONDS);

        RecordedCall call = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> llm.calls().stream()
                                .filter(c -> c.lastUserMessage().orElse("").equals(request.userMessage()))
                                .findFirst()
                                .orElse(null),
                        c -> c != null);
        String system = call.systemPrompt().orElseThrow();
        String all =
                String.join("\n", call.messages().stream().map(m -> m.content()).toList());

        assertThat(system).contains("I am allergic to peanuts.").contains("Adult mode is OFF");
        assertThat(all).doesNotContain("golden retriever").doesNotContain("night shifts");
        assertThat(all).doesNotContain("Message 1 from me").contains("Reply 30 from you");
        assertThat(call.messages().getLast().content()).isEqualTo("So what should we cook tonight?");
        assertThat(call.messages().size()).isBetween(3, 60);
        assertThat(all.length() / 4).as("about the budget (1,500 - 512 tokens)").isLessThan(1_200);
    }
}
