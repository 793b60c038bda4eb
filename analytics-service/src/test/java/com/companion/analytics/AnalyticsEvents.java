package com.companion.analytics;

import com.companion.contracts.Event;
import com.companion.contracts.EventEnvelope;
import com.companion.contracts.EventJson;
import com.companion.contracts.Plan;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.chat.InputBlocked;
import com.companion.contracts.chat.MessageSent;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SentMessageKind;
import com.companion.contracts.chat.SessionStarted;
import com.companion.contracts.chat.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Test data mother: the events analytics reads, with what the figures depend on and plausible rest. */
public final class AnalyticsEvents {

    public static final String MODEL = "meta-llama/Llama-3.3-70B-Instruct-Turbo";

    private AnalyticsEvents() {}

    /** One user chatting in one session with one character. */
    public record Chat(UUID userId, UUID sessionId, UUID characterId) {

        public static Chat random() {
            return new Chat(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        }

        public static Chat with(UUID characterId) {
            return new Chat(UUID.randomUUID(), UUID.randomUUID(), characterId);
        }

        public Chat nextSession() {
            return new Chat(userId, UUID.randomUUID(), characterId);
        }

        public SessionStarted started(Instant at) {
            return new SessionStarted(sessionId, userId, characterId, Plan.FREE, at);
        }

        public MessageSent sent(UUID requestId, Instant at) {
            return new MessageSent(
                    requestId, UUID.randomUUID(), sessionId, userId, characterId, Plan.FREE, SentMessageKind.NEW, at);
        }

        public ReplyCompleted completed(UUID requestId, String model, int in, int out, long latencyMs, Instant at) {
            return completed(requestId, model, null, in, out, latencyMs, at);
        }

        /** {@code fallbackFrom}: the preferred model {@code model} stood in for, or null. */
        public ReplyCompleted completed(
                UUID requestId,
                String model,
                @Nullable String fallbackFrom,
                int in,
                int out,
                long latencyMs,
                Instant at) {
            return new ReplyCompleted(
                    requestId,
                    sessionId,
                    userId,
                    characterId,
                    Plan.FREE,
                    "a reply",
                    "stop",
                    new TokenUsage(in, out, in + out),
                    model,
                    latencyMs,
                    latencyMs / 4,
                    1,
                    at,
                    fallbackFrom);
        }

        /** A failure before any model was called. */
        public ReplyFailed failed(UUID requestId, String reason, Instant at) {
            return failed(requestId, reason, null, at);
        }

        /** {@code model}: the model whose call ended the request, or null. */
        public ReplyFailed failed(UUID requestId, String reason, @Nullable String model, Instant at) {
            return new ReplyFailed(requestId, sessionId, userId, characterId, reason, "try again", true, at, model);
        }

        public ReplyBlocked blocked(UUID requestId, String stage, List<String> categories, Instant at) {
            return new ReplyBlocked(
                    requestId, sessionId, userId, characterId, stage, "policy", categories, "let's not", at);
        }

        /** A message chat-service's input guard refused. */
        public InputBlocked refused(String policy, List<String> categories, Instant at) {
            return new InputBlocked(UUID.randomUUID(), sessionId, userId, characterId, policy, categories, at);
        }

        public AdDecision decision(UUID requestId, long counter, boolean show, Instant at) {
            return new AdDecision(requestId, sessionId, userId, counter, show, null, at);
        }

        public AdImpression impression(UUID decisionId, ImpressionAction action, Instant at) {
            return new AdImpression(decisionId, UUID.randomUUID(), sessionId, userId, action, at);
        }

        public UserRegistered registered(Instant at) {
            return new UserRegistered(userId, "user-" + userId, Plan.FREE, true, UserStatus.ACTIVE, at);
        }
    }

    /** The record value as producers write it, dated {@code at}. */
    public static String envelope(Event event, Instant at) {
        return EventJson.encode(EventEnvelope.wrap(UUID.randomUUID(), at, event));
    }

    public static String envelope(UUID eventId, Event event, Instant at) {
        return EventJson.encode(EventEnvelope.wrap(eventId, at, event));
    }
}
