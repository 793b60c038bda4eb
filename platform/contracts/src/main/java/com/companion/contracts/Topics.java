package com.companion.contracts;

import java.util.List;

/** Every topic of the platform. A breaking change to a contract makes a new version suffix. */
public final class Topics {

    public static final String AUTH_USERS = "auth.users.v1";
    public static final String AUTH_SESSIONS = "auth.sessions.v1";
    public static final String CHARACTERS = "character.characters.v1";
    public static final String MESSAGE_REQUESTED = "chat.message-requested.v1";
    public static final String TITLE_REQUESTS = "chat.title-requests.v1";
    public static final String SUMMARY_REQUESTS = "chat.summary-requests.v1";
    public static final String REPLY_CHUNKS = "chat.reply-chunks.v1";
    public static final String REPLIES = "chat.replies.v1";
    public static final String AD_DECISIONS = "ads.decisions.v1";
    public static final String MEDIA_EVENTS = "media.events.v1";
    public static final String CHAT_ACTIVITY = "chat.activity.v1";
    public static final String AD_IMPRESSIONS = "ads.impressions.v1";
    public static final String ANALYTICS_DAILY = "analytics.daily.v1";
    public static final String EXPORT_REQUESTS = "auth.exports.v1";
    public static final String EXPORT_PARTS = "export.parts.v1";
    public static final String MODERATION_ACTIONS = "moderation.actions.v1";
    public static final String MODERATION_AUDIT = "moderation.audit.v1";

    /** Topics whose latest record per key is the current state of the aggregate. */
    public static final List<String> COMPACTED = List.of(AUTH_USERS, CHARACTERS, ANALYTICS_DAILY);

    public static final List<String> ALL = List.of(
            AUTH_USERS,
            AUTH_SESSIONS,
            CHARACTERS,
            MESSAGE_REQUESTED,
            TITLE_REQUESTS,
            SUMMARY_REQUESTS,
            REPLY_CHUNKS,
            REPLIES,
            AD_DECISIONS,
            MEDIA_EVENTS,
            CHAT_ACTIVITY,
            AD_IMPRESSIONS,
            ANALYTICS_DAILY,
            EXPORT_REQUESTS,
            EXPORT_PARTS,
            MODERATION_ACTIONS,
            MODERATION_AUDIT);

    /** The dead-letter topic that receives records of {@code topic} that could not be processed. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {}
}
