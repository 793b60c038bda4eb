package com.companion.offlinellm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One offline LLM per test class, answering instantly by default, reset before every test. */
abstract class LlmServerTest {

    static OfflineLlmServer llm;

    @BeforeAll
    static void startServer() {
        llm = OfflineLlmServer.builder().defaultBehaviour(Behaviour.instant()).start();
    }

    @AfterAll
    static void stopServer() {
        llm.close();
    }

    @BeforeEach
    void resetServer() {
        llm.reset();
    }
}
