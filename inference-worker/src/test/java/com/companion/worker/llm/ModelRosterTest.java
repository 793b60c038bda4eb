package com.companion.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ModelRosterTest {

    private final AtomicLong now = new AtomicLong();
    private final ModelRoster roster = new ModelRoster(List.of("a", "b", "c"), Duration.ofMinutes(10), now::get);

    @Test
    void aRefusedModelIsSkippedUntilItsRecheckIsDue() {
        roster.unavailable("a");

        assertThat(roster.next(Set.of())).contains("b");

        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(roster.next(Set.of())).contains("a");
    }

    @Test
    void aModelThatAnswersIsPreferredAgainAtOnce() {
        roster.unavailable("a");
        roster.available("a");

        assertThat(roster.next(Set.of())).contains("a");
    }

    @Test
    void whenAllAreSkippedTheSoonestRecheckIsTried() {
        roster.unavailable("b");
        now.addAndGet(1);
        roster.unavailable("a");
        roster.unavailable("c");

        assertThat(roster.next(Set.of())).contains("b");
    }

    @Test
    void modelsRefusedDuringThisRequestAreNeverAskedAgain() {
        assertThat(roster.next(Set.of("a", "b"))).contains("c");
        assertThat(roster.next(Set.of("a", "b", "c"))).isEmpty();
    }
}
