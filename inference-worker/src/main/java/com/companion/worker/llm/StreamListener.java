package com.companion.worker.llm;

/** Receives a reply while it streams. Called on the generating thread. */
public interface StreamListener {

    /**
     * A piece of the current attempt's reply, in order. May throw an unchecked exception to stop the
     * generation; the exception propagates out of {@link LlmClient#generate} unchanged.
     */
    void onToken(String text);

    /**
     * The stream of the current attempt broke after it had begun: everything received for it is
     * void, and what follows belongs to attempt {@code attempt}.
     */
    void onRestart(int attempt);
}
