package com.companion.worker.guard;

import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.learned.LearnedGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The worker's guard as the application wires it by default, for tests outside this package. */
public final class Guards {

    private Guards() {}

    /** Rules and the learned layer, on the whole reply and while streaming; no moderation model. */
    public static ReplyGuard learnedOn() {
        return new PlatformGuard(LearnedGuard.shared(), ContentGuard.local(), false, new SimpleMeterRegistry());
    }
}
