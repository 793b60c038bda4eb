package com.companion.chat.push;

import com.companion.chat.request.RequestOutcome;
import com.companion.contracts.chat.ReplyChunk;

/** Someone on this instance who wants a request's reply as it happens: a socket, an SSE stream. */
public interface ReplyListener {

    void chunk(ReplyChunk chunk);

    void finished(RequestOutcome outcome);
}
