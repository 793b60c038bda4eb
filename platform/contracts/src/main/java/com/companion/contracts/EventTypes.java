package com.companion.contracts;

import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.chat.InputBlocked;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.MessageSent;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SessionStarted;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SessionTitled;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.contracts.chat.TitleRequested;
import com.companion.contracts.export.ExportPartReady;
import com.companion.contracts.media.MediaDeleted;
import com.companion.contracts.media.MediaUploaded;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.contracts.moderation.ModerationActionRequested;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every event type, by wire name and by Java type. */
public final class EventTypes {

    public static final List<EventType<?>> ALL = List.of(
            UserRegistered.TYPE,
            UserUpdated.TYPE,
            UserDeleted.TYPE,
            SessionRevoked.TYPE,
            CharacterUpserted.TYPE,
            CharacterDeleted.TYPE,
            MessageRequested.TYPE,
            ReplyChunk.TYPE,
            ReplyCompleted.TYPE,
            ReplyFailed.TYPE,
            ReplyBlocked.TYPE,
            InputBlocked.TYPE,
            TitleRequested.TYPE,
            SessionTitled.TYPE,
            SummaryRequested.TYPE,
            SessionSummarized.TYPE,
            AdDecision.TYPE,
            MediaUploaded.TYPE,
            MediaDeleted.TYPE,
            SessionStarted.TYPE,
            MessageSent.TYPE,
            AdImpression.TYPE,
            DailyRollup.TYPE,
            ExportRequested.TYPE,
            ExportPartReady.TYPE,
            ModerationActionRequested.TYPE,
            AdminActionRecorded.TYPE);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    public static EventType<?> byName(String name) {
        EventType<?> type = BY_NAME.get(name);
        if (type == null) {
            throw new UnknownEventTypeException(name);
        }
        return type;
    }

    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    public static EventType<?> of(Class<?> javaType) {
        EventType<?> type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event: " + javaType.getName());
        }
        return type;
    }

    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }

    private EventTypes() {}
}
