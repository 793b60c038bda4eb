package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A component that dies must not leave the stack looking healthy: the offline LLM once died of
 * OutOfMemoryError in a benchmark while the gateway kept answering UP. {@code deploy/local/run
 * --status} names the dead component with its last log lines, and the foreground script says which
 * died and how.
 */
@ExtendWith(Stack.class)
class StackWatchSystemIT {

    private static final Path STACK_LOG = Stack.REPOSITORY.resolve("system-tests/target/stack.log");

    @Test
    void aKilledOfflineLlmIsReportedDeadWithHowItEndedUntilItRunsAgain() throws Exception {
        assertThat(Stack.status().exitCode()).as(Stack.status().output()).isZero();
        long logFrom = Files.size(STACK_LOG);
        Component llm = Component.of("offline-llm");
        llm.kill();
        try {
            Stack.Status dead =
                    await().atMost(Duration.ofSeconds(30)).until(Stack::status, status -> status.exitCode() == 1);
            assertThat(dead.output())
                    .containsPattern("offline-llm +DEAD")
                    .contains("last lines of")
                    .contains("offline-llm.log")
                    .contains("NOT healthy")
                    .containsPattern("chat-service +up");
            if (Stack.watchedInForeground()) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> Stack.printedSince(STACK_LOG, logFrom, "offline-llm is down"));
                String report = Files.readString(STACK_LOG);
                assertThat(report.substring(report.lastIndexOf("offline-llm (pid")))
                        .startsWith("offline-llm (pid")
                        .contains("died, killed by SIGKILL (exit code 137)")
                        .contains("---- last lines of")
                        .contains("the stack is NOT healthy: offline-llm is down");
                assertThat(Stack.status().output()).contains("killed by SIGKILL (exit code 137)");
            }
        } finally {
            llm.start();
        }
        Stack.Status again =
                await().atMost(Duration.ofSeconds(30)).until(Stack::status, status -> status.exitCode() == 0);
        assertThat(again.output()).containsPattern("offline-llm +up").contains("the local stack is healthy");
        if (Stack.watchedInForeground()) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Stack.printedSince(STACK_LOG, logFrom, "offline-llm is running again"));
        }
    }
}
