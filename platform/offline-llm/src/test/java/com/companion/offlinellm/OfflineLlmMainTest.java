package com.companion.offlinellm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineLlmMainTest {

    @Test
    void optionsSetPortTimingAndModels() {
        try (OfflineLlmServer llm = OfflineLlmMain.start(
                new String[] {"--port", "0", "--ttft-ms=7", "--token-ms", "3", "--unknown-models", "a/x, b/y"},
                Map.of("OFFLINE_LLM_PORT", "1"))) {
            assertThat(llm.port()).isNotEqualTo(1);
            assertThat(llm.defaultBehaviour()).isEqualTo(Behaviour.timing(Duration.ofMillis(7), Duration.ofMillis(3)));
            assertThat(LlmHttp.chat(llm, ChatRequests.chat().model("b/y")).statusCode())
                    .isEqualTo(404);
            assertThat(LlmHttp.get(llm, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void portComesFromTheEnvironmentWhenNotGiven() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        try (OfflineLlmServer llm =
                OfflineLlmMain.start(new String[0], Map.of("OFFLINE_LLM_PORT", Integer.toString(free)))) {
            assertThat(llm.port()).isEqualTo(free);
            assertThat(llm.defaultBehaviour())
                    .isEqualTo(Behaviour.timing(Duration.ofMillis(250), Duration.ofMillis(20)));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> OfflineLlmMain.start(new String[] {"--bogus", "1"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflineLlmMain.start(new String[] {"--port", "x"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflineLlmMain.start(new String[] {"--ttft-ms"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
