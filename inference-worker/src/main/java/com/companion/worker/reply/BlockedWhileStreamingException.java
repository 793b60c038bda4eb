package com.companion.worker.reply;

import com.companion.worker.guard.Screening;

/** The guard stopped a reply while it was streaming; thrown out of the token callback to end the generation. */
final class BlockedWhileStreamingException extends RuntimeException {

    private final transient Screening screening;

    BlockedWhileStreamingException(Screening screening) {
        super("the guard blocked the reply while it streamed: " + screening.policy(), null, false, false);
        this.screening = screening;
    }

    Screening screening() {
        return screening;
    }
}
