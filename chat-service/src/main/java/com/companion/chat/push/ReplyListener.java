package com.companion.chat.push;

import com.companion.chat.request.RequestOutcome;
import com.companion.contracts.chat.ReplyChunk;

/** Someone on this instance who wants a request's reply as it happens: a socket, an SSE stream. */
public interface ReplyListener {

    void chunk(ReplyChunk chunk);

    void finished(RequestOutcome outcome);

    /**
     * The ad decision for a reply that was delivered without it ({@code adPending}), arriving late.
     * Only the session's sockets are told; a request's own waiters are gone by then.
     */
    default void adDecided(RequestOutcome outcome) {}
}
