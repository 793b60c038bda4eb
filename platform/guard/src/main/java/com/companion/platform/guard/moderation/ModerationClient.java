package com.companion.platform.guard.moderation;

import com.companion.platform.guard.GuardContext;
import java.util.concurrent.CompletableFuture;

/**
 * A moderation model behind the rules. Asynchronous so {@link LayeredGuard} can hold it to a deadline whatever the
 * client does; a failed future (or one that misses the deadline) means "no answer", never "safe".
 */
@FunctionalInterface
public interface ModerationClient {

    CompletableFuture<ModerationResult> classify(String text, GuardContext context);

    /** The model behind it, as part of {@link LayeredGuard#version()}. */
    default String version() {
        return "unversioned";
    }
}
