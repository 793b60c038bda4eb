package com.companion.contracts;

import com.companion.contracts.ads.Ad;
import com.companion.contracts.ads.AdDecision;
import com.companion.contracts.ads.AdImpression;
import com.companion.contracts.ads.ImpressionAction;
import com.companion.contracts.analytics.DailyRollup;
import com.companion.contracts.analytics.NamedCount;
import com.companion.contracts.analytics.RollupDimension;
import com.companion.contracts.auth.ExportRequested;
import com.companion.contracts.auth.SessionRevoked;
import com.companion.contracts.auth.UserDeleted;
import com.companion.contracts.auth.UserPersona;
import com.companion.contracts.auth.UserRegistered;
import com.companion.contracts.auth.UserStatus;
import com.companion.contracts.auth.UserUpdated;
import com.companion.contracts.character.CharacterDeleted;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.CharacterUpserted;
import com.companion.contracts.character.LorebookEntry;
import com.companion.contracts.character.LorebookPosition;
import com.companion.contracts.character.ModerationStatus;
import com.companion.contracts.character.Persona;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.InputBlocked;
import com.companion.contracts.chat.InputVerdict;
import com.companion.contracts.chat.Memory;
import com.companion.contracts.chat.MessageRequested;
import com.companion.contracts.chat.MessageSent;
import com.companion.contracts.chat.ReplyBlocked;
import com.companion.contracts.chat.ReplyChunk;
import com.companion.contracts.chat.ReplyCompleted;
import com.companion.contracts.chat.ReplyFailed;
import com.companion.contracts.chat.SentMessageKind;
import com.companion.contracts.chat.SessionStarted;
import com.companion.contracts.chat.SessionSummarized;
import com.companion.contracts.chat.SessionTitled;
import com.companion.contracts.chat.SummaryRequested;
import com.companion.contracts.chat.TitleRequested;
import com.companion.contracts.chat.TokenUsage;
import com.companion.contracts.export.ExportPartReady;
import com.companion.contracts.media.MediaDeleted;
import com.companion.contracts.media.MediaKind;
import com.companion.contracts.media.MediaUploaded;
import com.companion.contracts.moderation.AdminActionRecorded;
import com.companion.contracts.moderation.ModerationAction;
import com.companion.contracts.moderation.ModerationActionRequested;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data mother: one realistic, fully populated instance of every registered event, plus
 * variants where nullable fields are null or lists are empty. Ids and instants are fixed so that
 * the encoded JSON is stable and can be pinned.
 */
public final class EventSamples {

    /** One pinned sample: {@code name} is the pinned file name without {@code .json}. */
    public record Sample(String name, Event event) {

        public EventType<?> type() {
            return EventTypes.of(event.getClass());
        }

        public boolean canonical() {
            return name.equals(type().name());
        }

        public EventEnvelope<Event> envelope() {
            return EventEnvelope.wrap(EVENT_ID, OCCURRED_AT, event);
        }

        public String pinnedResource() {
            return "/pinned/" + name + ".json";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final UUID EVENT_ID = UUID.fromString("0195f3a2-7c41-7d2e-9a10-5b6c7d8e9f01");
    public static final Instant OCCURRED_AT = Instant.parse("2025-06-14T09:30:15.250Z");

    static final UUID USER_ID = UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    static final UUID OTHER_USER_ID = UUID.fromString("7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d");
    static final UUID THIRD_USER_ID = UUID.fromString("8b3c4d5e-6f7a-4b2c-8d3e-4f5a6b7c8d9e");
    static final UUID CHARACTER_ID = UUID.fromString("c4a1f0e2-9d8b-4c7a-b6e5-d4c3b2a19f08");
    static final UUID SESSION_ID = UUID.fromString("5e55a0b1-c2d3-4e4f-a5b6-c7d8e9f0a1b2");
    static final UUID REQUEST_ID = UUID.fromString("9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4");
    static final UUID USER_MESSAGE_ID = UUID.fromString("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
    static final UUID AD_ID = UUID.fromString("ad000000-0000-4000-8000-00000000a001");
    static final UUID AVATAR_MEDIA_ID = UUID.fromString("3e4d5c6b-7a89-4f0e-9d1c-2b3a4f5e6d7c");
    static final UUID AUDIO_MEDIA_ID = UUID.fromString("4f5e6d7c-8b9a-4a0f-8e2d-3c4b5a6f7e8d");

    static final UUID EXPORT_ID = UUID.fromString("e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5c");
    static final String AVATAR_URL = "https://media.companion.example/avatars/c4a1f0e2-9d8b-4c7a-b6e5-d4c3b2a19f08/"
            + "3e4d5c6b-7a89-4f0e-9d1c-2b3a4f5e6d7c.png";

    public static UserRegistered userRegistered() {
        return new UserRegistered(
                USER_ID, "mira_k", Plan.FREE, true, UserStatus.ACTIVE, Instant.parse("2025-06-01T18:04:11.731Z"));
    }

    public static UserUpdated userUpdated() {
        return new UserUpdated(
                USER_ID,
                "mira_k",
                Plan.PREMIUM,
                true,
                UserStatus.DISABLED,
                List.of("plan", "status", "persona"),
                new UserPersona("Mira", "An astronomy student from Kraków who works nights at the observatory."));
    }

    /** A change of a user without a persona, as auth-service wrote every change before personas. */
    public static UserUpdated userUpdatedWithoutPersona() {
        UserUpdated full = userUpdated();
        return new UserUpdated(
                full.userId(), full.username(), full.plan(), full.isAdult(), full.status(), List.of("plan", "status"));
    }

    public static SessionRevoked sessionRevoked() {
        return new SessionRevoked(
                USER_ID,
                UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                "logout",
                Instant.parse("2025-06-14T09:31:00Z"));
    }

    public static UserDeleted userDeleted() {
        return new UserDeleted(USER_ID);
    }

    public static ExportRequested exportRequested() {
        return new ExportRequested(EXPORT_ID, USER_ID, Instant.parse("2025-06-14T10:00:00Z"));
    }

    public static ExportPartReady exportPartReady() {
        return new ExportPartReady(
                EXPORT_ID,
                USER_ID,
                "chat-service",
                "exports/" + EXPORT_ID + "/chat-service.json",
                Instant.parse("2025-06-14T10:00:02.125Z"));
    }

    public static ModerationActionRequested moderationActionRequested() {
        return new ModerationActionRequested(
                UUID.fromString("7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"),
                ModerationAction.TAKEDOWN,
                CHARACTER_ID,
                UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
                "sexualises a minor in its description",
                UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"),
                Instant.parse("2025-06-14T11:00:00Z"));
    }

    public static ModerationActionRequested banRequestedWithoutReport() {
        return new ModerationActionRequested(
                UUID.fromString("7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d7"),
                ModerationAction.BAN,
                USER_ID,
                UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
                "repeated attempts at sexual content with minors",
                null,
                Instant.parse("2025-06-14T11:05:00Z"));
    }

    public static AdminActionRecorded adminActionRecorded() {
        return new AdminActionRecorded(
                UUID.fromString("9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b"),
                "auth-service",
                "account.banned",
                "user",
                USER_ID,
                UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
                "repeated attempts at sexual content with minors",
                Instant.parse("2025-06-14T11:05:00.250Z"));
    }

    public static AdminActionRecorded reportRaisedByThePlatform() {
        return new AdminActionRecorded(
                UUID.fromString("9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5c"),
                "chat-service",
                "report.filed",
                "user",
                USER_ID,
                null,
                null,
                Instant.parse("2025-06-14T10:59:00Z"));
    }

    public static Sliders sliders() {
        return new Sliders(20, 65, 80, 55, 90, 35, 75);
    }

    public static CharacterUpserted characterUpserted() {
        return new CharacterUpserted(
                CHARACTER_ID,
                USER_ID,
                7,
                "Luna",
                "A stargazing barista who remembers every order and every story you tell her.",
                CharacterType.GIRLFRIEND,
                sliders(),
                false,
                Visibility.SHAREABLE,
                AVATAR_URL,
                List.of("cozy", "astronomy", "coffee"),
                List.of(OTHER_USER_ID, THIRD_USER_ID),
                Instant.parse("2025-06-02T10:15:00Z"),
                Instant.parse("2025-06-14T09:30:14.902Z"),
                ModerationStatus.OK,
                personaCard());
    }

    /** Every card field set, non-ASCII text included. */
    public static PersonaCard personaCard() {
        return new PersonaCard(
                "Lu",
                "*looks up from the espresso machine* Oh, {{user}}! The usual?",
                List.of("Café's closed, but for you… ☕ come in."),
                "A tiny café on a rainy evening in Kraków.",
                "<START>\n{{user}}: Any stars tonight?\n{{char}}: Clouds, sadly. But Saturn will be back.",
                "Write {{char}}'s next reply in a cozy slice-of-life chat with {{user}}.",
                "Keep {{char}}'s replies under three paragraphs.",
                List.of(new LorebookEntry(
                        List.of("telescope", "Saturn"),
                        List.of("rings"),
                        "{{char}} saved for two years to buy a 200 mm Dobsonian telescope.",
                        false,
                        true,
                        10,
                        LorebookPosition.AFTER_CHAR,
                        false,
                        false)));
    }

    /** A freshly created private character: no avatar yet, no tags, nobody granted. */
    public static CharacterUpserted characterUpsertedWithoutAvatarOrGrantees() {
        return new CharacterUpserted(
                CHARACTER_ID,
                USER_ID,
                1,
                "Luna",
                "",
                CharacterType.CUSTOM,
                Sliders.defaults(),
                true,
                Visibility.PRIVATE,
                null,
                List.of(),
                List.of(),
                Instant.parse("2025-06-02T10:15:00Z"),
                Instant.parse("2025-06-02T10:15:00Z"),
                null);
    }

    public static CharacterDeleted characterDeleted() {
        return new CharacterDeleted(CHARACTER_ID, USER_ID, 8);
    }

    public static MessageRequested messageRequested() {
        return new MessageRequested(
                REQUEST_ID,
                SESSION_ID,
                USER_ID,
                USER_MESSAGE_ID,
                Plan.PREMIUM,
                true,
                characterUpserted().persona(),
                List.of(
                        new HistoryMessage(ChatRole.USER, "Hi Luna! Long day."),
                        new HistoryMessage(ChatRole.ASSISTANT, "Come sit, I'll make you the usual. What happened?")),
                "My telescope finally arrived \uD83D\uDD2D \"the big one\"!",
                Instant.parse("2025-06-14T09:30:15.004Z"),
                new InputVerdict(true),
                "*slides the cup across the counter* A telescope? Tell me everything, starting with",
                new Memory(
                        "mira_k",
                        new UserPersona(
                                "Mira", "An astronomy student from Kraków who works nights at the observatory."),
                        List.of("Mira is allergic to peanuts.", "Mira's dog is called Biscuit."),
                        List.of("My sister got me a telescope for my birthday, a big Dobsonian!"),
                        "Mira, an astronomy student, told Luna about her sister's visit and her plan to watch Saturn."));
    }

    /**
     * A request for a new reply, as a send, an edit or a regeneration writes it, from a user with a pinned memory, no
     * persona and a username chat-service has not heard of yet.
     */
    public static MessageRequested messageRequestedForNewReply() {
        MessageRequested full = messageRequested();
        return new MessageRequested(
                full.requestId(),
                full.sessionId(),
                full.userId(),
                full.userMessageId(),
                full.plan(),
                full.userIsAdult(),
                full.character(),
                full.history(),
                full.userMessage(),
                full.requestedAt(),
                full.inputVerdict(),
                null,
                new Memory(null, null, List.of("Mira's dog is called Biscuit.")));
    }

    public static TitleRequested titleRequested() {
        return new TitleRequested(
                UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"),
                SESSION_ID,
                USER_ID,
                true,
                characterUpserted().persona(),
                List.of(
                        new HistoryMessage(
                                ChatRole.ASSISTANT, "*looks up from the espresso machine* Oh, Mira! The usual?"),
                        new HistoryMessage(ChatRole.USER, "My telescope finally arrived!"),
                        new HistoryMessage(
                                ChatRole.ASSISTANT, "No way! Tonight we're finding the rings of Saturn together.")),
                Instant.parse("2025-06-14T09:35:02.118Z"));
    }

    public static SummaryRequested summaryRequested() {
        return new SummaryRequested(
                UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70"),
                SESSION_ID,
                USER_ID,
                true,
                characterUpserted().persona(),
                "Mira, an astronomy student, told Luna about her sister's visit.",
                List.of(
                        new HistoryMessage(ChatRole.USER, "I want to watch Saturn tonight."),
                        new HistoryMessage(ChatRole.ASSISTANT, "Then we need a clear sky and your new telescope!")),
                UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f71"),
                Instant.parse("2025-06-14T10:02:11.020Z"));
    }

    /** A session's first summary: nothing before it. */
    public static SummaryRequested firstSummaryRequested() {
        SummaryRequested full = summaryRequested();
        return new SummaryRequested(
                full.requestId(),
                full.sessionId(),
                full.userId(),
                full.userIsAdult(),
                full.character(),
                null,
                full.messages(),
                full.throughMessageId(),
                full.requestedAt());
    }

    public static SessionSummarized sessionSummarized() {
        return new SessionSummarized(
                UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70"),
                SESSION_ID,
                USER_ID,
                "Mira, an astronomy student, told Luna about her sister's visit and her plan to watch Saturn.",
                UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f71"),
                "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                new TokenUsage(640, 38, 678),
                Instant.parse("2025-06-14T10:02:14.802Z"));
    }

    public static SessionTitled sessionTitled() {
        return new SessionTitled(
                UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"),
                SESSION_ID,
                USER_ID,
                "Saturn through the new telescope",
                "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                new TokenUsage(212, 9, 221),
                Instant.parse("2025-06-14T09:35:03.540Z"));
    }

    /** As producers that do not screen the message (chat-service before the verdict was carried) write it. */
    public static MessageRequested messageRequestedWithoutInputVerdict() {
        MessageRequested full = messageRequested();
        return new MessageRequested(
                full.requestId(),
                full.sessionId(),
                full.userId(),
                full.userMessageId(),
                full.plan(),
                full.userIsAdult(),
                full.character(),
                full.history(),
                full.userMessage(),
                full.requestedAt(),
                null,
                null);
    }

    /** A request as chat-service sent it before Character Cards: the persona has no card. */
    public static MessageRequested messageRequestedWithoutCard() {
        MessageRequested canonical = messageRequested();
        Persona persona = canonical.character();
        return new MessageRequested(
                canonical.requestId(),
                canonical.sessionId(),
                canonical.userId(),
                canonical.userMessageId(),
                canonical.plan(),
                canonical.userIsAdult(),
                new Persona(
                        persona.characterId(),
                        persona.name(),
                        persona.description(),
                        persona.characterType(),
                        persona.sliders(),
                        persona.nsfwEnabled()),
                canonical.history(),
                canonical.userMessage(),
                canonical.requestedAt(),
                canonical.inputVerdict(),
                null);
    }

    public static ReplyChunk replyChunk() {
        return new ReplyChunk(REQUEST_ID, SESSION_ID, 1, 3, " the rings of Saturn");
    }

    public static ReplyCompleted replyCompleted() {
        return new ReplyCompleted(
                REQUEST_ID,
                SESSION_ID,
                USER_ID,
                CHARACTER_ID,
                Plan.PREMIUM,
                "No way! Tonight we're finding the rings of Saturn together.",
                "stop",
                new TokenUsage(1423, 38, 1461),
                "Qwen/Qwen2.5-7B-Instruct-Turbo",
                1840,
                312,
                2,
                Instant.parse("2025-06-14T09:30:16.851Z"),
                "meta-llama/Llama-3.3-70B-Instruct-Turbo");
    }

    /** The preferred model wrote the reply, as every reply of producers before {@code fallback_from} reads. */
    public static ReplyCompleted replyCompletedByThePreferredModel() {
        ReplyCompleted full = replyCompleted();
        return new ReplyCompleted(
                full.requestId(),
                full.sessionId(),
                full.userId(),
                full.characterId(),
                full.plan(),
                full.text(),
                full.finishReason(),
                full.usage(),
                "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                full.latencyMs(),
                full.timeToFirstTokenMs(),
                1,
                full.completedAt());
    }

    public static ReplyFailed replyFailed() {
        return new ReplyFailed(
                REQUEST_ID,
                SESSION_ID,
                USER_ID,
                CHARACTER_ID,
                "llm_timeout",
                "Luna is taking too long to answer. Please try again.",
                true,
                Instant.parse("2025-06-14T09:31:15Z"),
                "meta-llama/Llama-3.3-70B-Instruct-Turbo");
    }

    /**
     * The deadline passed before any model was called, so the failure names none; records from producers
     * before {@code model} read the same.
     */
    public static ReplyFailed replyFailedWithoutModel() {
        ReplyFailed full = replyFailed();
        return new ReplyFailed(
                full.requestId(),
                full.sessionId(),
                full.userId(),
                full.characterId(),
                full.reason(),
                full.notice(),
                full.retryable(),
                full.failedAt());
    }

    public static ReplyBlocked replyBlocked() {
        return new ReplyBlocked(
                REQUEST_ID,
                SESSION_ID,
                USER_ID,
                CHARACTER_ID,
                "output",
                "minor_safety",
                List.of("S4", "S12"),
                "Let's keep things friendly. Tell me more about your telescope instead?",
                Instant.parse("2025-06-14T09:30:16.122Z"));
    }

    public static AdDecision adDecisionWithAd() {
        return new AdDecision(
                REQUEST_ID,
                SESSION_ID,
                USER_ID,
                10,
                true,
                new Ad(
                        AD_ID,
                        "Clear skies ahead",
                        "Star charts for beginners, 20% off this week.",
                        "https://ads.companion.example/creatives/ad-1001.jpg",
                        "https://ads.companion.example/click/ad-1001"),
                Instant.parse("2025-06-14T09:30:16.903Z"));
    }

    public static AdDecision adDecisionWithoutAd() {
        return new AdDecision(
                REQUEST_ID, SESSION_ID, USER_ID, 7, false, null, Instant.parse("2025-06-14T09:30:16.903Z"));
    }

    public static MediaUploaded mediaUploadedAvatar() {
        return new MediaUploaded(
                AVATAR_MEDIA_ID,
                USER_ID,
                CHARACTER_ID,
                MediaKind.AVATAR,
                "avatars/c4a1f0e2-9d8b-4c7a-b6e5-d4c3b2a19f08/3e4d5c6b-7a89-4f0e-9d1c-2b3a4f5e6d7c.png",
                AVATAR_URL,
                "image/png",
                482133,
                512,
                768,
                Instant.parse("2025-06-10T20:45:03.377Z"));
    }

    /** Audio belongs to no character and has no pixel size. */
    public static MediaUploaded mediaUploadedAudio() {
        return new MediaUploaded(
                AUDIO_MEDIA_ID,
                USER_ID,
                null,
                MediaKind.AUDIO,
                "media/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b/1749588303377_4f5e6d7c-8b9a-4a0f-8e2d-3c4b5a6f7e8d.ogg",
                "https://media.companion.example/media/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b/"
                        + "1749588303377_4f5e6d7c-8b9a-4a0f-8e2d-3c4b5a6f7e8d.ogg",
                "audio/ogg",
                2_811_904,
                null,
                null,
                Instant.parse("2025-06-10T20:45:03.377Z"));
    }

    public static MediaDeleted mediaDeletedAvatar() {
        return new MediaDeleted(
                AVATAR_MEDIA_ID, USER_ID, CHARACTER_ID, MediaKind.AVATAR, Instant.parse("2025-06-12T07:00:00Z"));
    }

    public static MediaDeleted mediaDeletedAudio() {
        return new MediaDeleted(AUDIO_MEDIA_ID, USER_ID, null, MediaKind.AUDIO, Instant.parse("2025-06-12T07:00:00Z"));
    }

    public static SessionStarted sessionStarted() {
        return new SessionStarted(
                SESSION_ID, USER_ID, CHARACTER_ID, Plan.FREE, Instant.parse("2025-06-14T09:12:03.518Z"));
    }

    public static InputBlocked inputBlocked() {
        return new InputBlocked(
                UUID.fromString("3b2a1908-f7e6-4d5c-8b4a-392817a6f5e4"),
                SESSION_ID,
                USER_ID,
                CHARACTER_ID,
                "harmful-content",
                List.of("S9"),
                Instant.parse("2025-06-14T09:30:14.871Z"));
    }

    public static MessageSent messageSent() {
        return new MessageSent(
                REQUEST_ID,
                USER_MESSAGE_ID,
                SESSION_ID,
                USER_ID,
                CHARACTER_ID,
                Plan.PREMIUM,
                SentMessageKind.REGENERATE,
                Instant.parse("2025-06-14T09:30:15.004Z"));
    }

    public static AdImpression adImpression() {
        return new AdImpression(
                REQUEST_ID,
                AD_ID,
                SESSION_ID,
                USER_ID,
                ImpressionAction.CLICKED,
                Instant.parse("2025-06-14T09:30:21.040Z"));
    }

    /** One character's figures for a day. */
    public static DailyRollup dailyRollup() {
        String character = CHARACTER_ID.toString();
        return new DailyRollup(
                DailyRollup.rollupId("2025-06-14", RollupDimension.CHARACTER, character),
                "2025-06-14",
                RollupDimension.CHARACTER,
                character,
                41,
                3,
                57,
                388,
                371,
                512_403,
                14_118,
                List.of(new NamedCount("llm_timeout", 4)),
                5L,
                List.of(new NamedCount("S12", 2)),
                List.of(new NamedCount("S4", 1), new NamedCount("S12", 1)),
                37,
                35,
                2,
                1740,
                3810,
                "HISTFAAAACl42pNpmSzMwMDAyQABzFCaEUzOmQ1hAAA8ygKx");
    }

    /** The whole product's figures of a day with nothing counted yet: no dimension id, empty lists. */
    public static DailyRollup dailyRollupOfQuietDay() {
        return new DailyRollup(
                DailyRollup.rollupId("2025-06-15", RollupDimension.ALL, null),
                "2025-06-15",
                RollupDimension.ALL,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                0L,
                List.of(),
                List.of(),
                0,
                0,
                0,
                0,
                0,
                "");
    }

    /** A rollup as analytics-service wrote it before it counted fallbacks. */
    public static DailyRollup dailyRollupBeforeFallbacks() {
        DailyRollup full = dailyRollup();
        return new DailyRollup(
                full.rollupId(),
                full.date(),
                full.dimension(),
                full.dimensionId(),
                full.activeUsers(),
                full.newUsers(),
                full.sessionsStarted(),
                full.messagesSent(),
                full.turns(),
                full.tokensIn(),
                full.tokensOut(),
                full.failures(),
                null,
                full.blockedInputs(),
                full.blockedOutputs(),
                full.adsDecided(),
                full.adsShown(),
                full.adClicks(),
                full.latencyP50Ms(),
                full.latencyP95Ms(),
                full.latencyHistogram());
    }

    /**
     * Every sample, the canonical one of each event type first (named after the wire name, every
     * field set), then variants named {@code <wire name>--<variant>}.
     */
    public static List<Sample> all() {
        return List.of(
                new Sample("auth.user-registered", userRegistered()),
                new Sample("auth.user-updated", userUpdated()),
                new Sample("auth.user-deleted", userDeleted()),
                new Sample("auth.session-revoked", sessionRevoked()),
                new Sample("character.character-upserted", characterUpserted()),
                new Sample("character.character-deleted", characterDeleted()),
                new Sample("chat.message-requested", messageRequested()),
                new Sample("chat.reply-chunk", replyChunk()),
                new Sample("chat.reply-completed", replyCompleted()),
                new Sample("chat.reply-failed", replyFailed()),
                new Sample("chat.reply-blocked", replyBlocked()),
                new Sample("chat.title-requested", titleRequested()),
                new Sample("chat.session-titled", sessionTitled()),
                new Sample("chat.summary-requested", summaryRequested()),
                new Sample("chat.session-summarized", sessionSummarized()),
                new Sample("ads.ad-decision", adDecisionWithAd()),
                new Sample("media.media-uploaded", mediaUploadedAvatar()),
                new Sample("media.media-deleted", mediaDeletedAvatar()),
                new Sample("chat.session-started", sessionStarted()),
                new Sample("chat.message-sent", messageSent()),
                new Sample("chat.input-blocked", inputBlocked()),
                new Sample("ads.ad-impression", adImpression()),
                new Sample("analytics.daily-rollup", dailyRollup()),
                new Sample("auth.export-requested", exportRequested()),
                new Sample("export.part-ready", exportPartReady()),
                new Sample("moderation.action-requested", moderationActionRequested()),
                new Sample("moderation.admin-action-recorded", adminActionRecorded()),
                new Sample("moderation.action-requested--ban-without-report", banRequestedWithoutReport()),
                new Sample("moderation.admin-action-recorded--by-the-platform", reportRaisedByThePlatform()),
                new Sample(
                        "character.character-upserted--without-avatar-or-grantees",
                        characterUpsertedWithoutAvatarOrGrantees()),
                new Sample("ads.ad-decision--without-ad", adDecisionWithoutAd()),
                new Sample("chat.summary-requested--first", firstSummaryRequested()),
                new Sample("auth.user-updated--without-persona", userUpdatedWithoutPersona()),
                new Sample("chat.message-requested--without-input-verdict", messageRequestedWithoutInputVerdict()),
                new Sample("chat.message-requested--without-card", messageRequestedWithoutCard()),
                new Sample("chat.message-requested--new-reply", messageRequestedForNewReply()),
                new Sample("media.media-uploaded--audio", mediaUploadedAudio()),
                new Sample("media.media-deleted--audio", mediaDeletedAudio()),
                new Sample("analytics.daily-rollup--quiet-day", dailyRollupOfQuietDay()),
                new Sample("analytics.daily-rollup--before-fallbacks", dailyRollupBeforeFallbacks()),
                new Sample("chat.reply-completed--preferred-model", replyCompletedByThePreferredModel()),
                new Sample("chat.reply-failed--without-model", replyFailedWithoutModel()));
    }

    public static List<Sample> canonical() {
        return all().stream().filter(Sample::canonical).toList();
    }

    private EventSamples() {}
}
