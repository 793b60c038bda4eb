package com.companion.analytics.topology.internal;

import com.companion.analytics.figures.Dimension;
import com.companion.analytics.figures.Figures;
import com.companion.contracts.Event;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.chat.InputBlocked;
import com.companion.contracts.chat.MessageSent;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SessionStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;

/**
 * What each event adds to the figures, read from ids, counts and codes only: no text of a message, reply,
 * refusal or notice is looked at or kept. Events that analytics does not count give nothing. A completed reply
 * counts for the model that wrote it, as a fallback too when it names the preferred model it stood in for; a
 * failed reply counts for the model whose call ended it, when it names one.
 */
public final class Contributions {

    private Contributions() {}

    /**
     * The id under which a redelivery of the same fact is recognised: the request for reply outcomes (a
     * redone request publishes a new event with a new event id), otherwise the aggregate the fact is about.
     * Empty for events that are not counted.
     */
    public static Optional<String> deduplicationId(Event event) {
        return Optional.ofNullable(
                switch (event) {
                    case ReplyCompleted e -> "reply/" + e.requestId();
                    case ReplyFailed e -> "reply/" + e.requestId();
                    case ReplyBlocked e -> "reply/" + e.requestId();
                    case InputBlocked e -> "input-blocked/" + e.blockId();
                    case MessageSent e -> "sent/" + e.requestId();
                    case SessionStarted e -> "session/" + e.sessionId();
                    case AdDecision e -> "decision/" + e.requestId();
                    case AdImpression e -> "impression/" + e.decisionId() + "/" + e.action();
                    case UserRegistered e -> "user/" + e.userId();
                    default -> null;
                });
    }

    public static List<KeyValue<String, Figures>> of(Event event) {
        List<KeyValue<String, Figures>> out = new ArrayList<>();
        switch (event) {
            case ReplyCompleted e -> {
                Figures turn = Figures.turn(
                        e.usage().promptTokens(),
                        e.usage().completionTokens(),
                        e.latencyMs(),
                        e.fallbackFrom() != null);
                out.add(KeyValue.pair(Dimension.ALL.key(), turn));
                out.add(KeyValue.pair(Dimension.model(e.model()).key(), turn));
                out.add(KeyValue.pair(
                        Dimension.character(e.characterId().toString()).key(), turn));
            }
            case ReplyFailed e -> {
                Figures failure = Figures.failure(e.reason());
                out.add(KeyValue.pair(Dimension.ALL.key(), failure));
                if (e.model() != null) {
                    out.add(KeyValue.pair(Dimension.model(e.model()).key(), failure));
                }
            }
            case ReplyBlocked e -> {
                List<String> categories = e.categories().isEmpty() ? List.of(e.policy()) : e.categories();
                for (String category : categories) {
                    out.add(KeyValue.pair(
                            Dimension.ALL.key(),
                            "input".equals(e.stage())
                                    ? Figures.blockedInput(category)
                                    : Figures.blockedOutput(category)));
                }
            }
            case InputBlocked e -> {
                // A message chat-service refused before it became a request: an input block like the worker's.
                List<String> categories = e.categories().isEmpty() ? List.of(e.policy()) : e.categories();
                for (String category : categories) {
                    out.add(KeyValue.pair(Dimension.ALL.key(), Figures.blockedInput(category)));
                }
            }
            case MessageSent e -> {
                out.add(KeyValue.pair(Dimension.ALL.key(), Figures.messageSent()));
                out.add(KeyValue.pair(
                        Dimension.character(e.characterId().toString()).key(), Figures.messageSent()));
            }
            case SessionStarted e -> {
                out.add(KeyValue.pair(Dimension.ALL.key(), Figures.sessionStarted()));
                out.add(KeyValue.pair(
                        Dimension.character(e.characterId().toString()).key(), Figures.sessionStarted()));
            }
            case AdDecision e when e.showAd() -> out.add(KeyValue.pair(Dimension.ALL.key(), Figures.adDecided()));
            case AdImpression e ->
                out.add(KeyValue.pair(
                        Dimension.ALL.key(),
                        e.action() == ImpressionAction.SHOWN ? Figures.adShown() : Figures.adClicked()));
            case UserRegistered e -> out.add(KeyValue.pair(Dimension.ALL.key(), Figures.newUser()));
            default -> {}
        }
        return out;
    }

    /**
     * Who was active, keyed by user so that each user's "first time today" is decided on one partition:
     * the value is the dimension the user was active in (the product and the character).
     */
    public static List<KeyValue<String, String>> activity(Event event) {
        record Activity(UUID userId, UUID characterId) {}
        Activity activity = switch (event) {
            case MessageSent e -> new Activity(e.userId(), e.characterId());
            case ReplyCompleted e -> new Activity(e.userId(), e.characterId());
            case ReplyFailed e -> new Activity(e.userId(), e.characterId());
            case ReplyBlocked e -> new Activity(e.userId(), e.characterId());
            case InputBlocked e -> new Activity(e.userId(), e.characterId());
            default -> null;
        };
        if (activity == null) {
            return List.of();
        }
        String user = activity.userId().toString();
        return List.of(
                KeyValue.pair(user, Dimension.ALL.key()),
                KeyValue.pair(
                        user,
                        Dimension.character(activity.characterId().toString()).key()));
    }
}
