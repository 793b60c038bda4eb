package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A character as the API shows it. {@code grantee_ids} is present only when the owner reads one
 * character, so the owner can see and revoke the grants; everyone else never sees who else has
 * access. {@code moderation_status} ({@code ok}, {@code pending}, {@code hidden}, {@code taken_down}) and
 * {@code moderation_reason} are the owner's alone: everyone else reaches only {@code ok} characters and gets
 * neither field. The Character Card fields ({@code greeting}, {@code scenario},
 * {@code lorebook}, ...) are empty strings, an empty list or an empty lorebook when unset.
 * {@code chat_count} (chats in the last 7 days) and {@code favorite_count} are present on characters of
 * the public catalogue.
 *
 * <p>The card's definition ({@link #DEFINITION}: {@code scenario}, {@code example_dialogue}, {@code system_prompt},
 * {@code post_history_instructions}, {@code lorebook}, {@code extensions}) is what a prompt is built from and what
 * an export gives away. Anyone but the owner gets it only when the owner set {@code export_allowed} (they could
 * export it anyway); otherwise those fields are left out of the answer, in a read, a list, the catalogue or a
 * redeemed share link. What people browsing or chatting see stays: name, description, type, sliders, tags,
 * avatar, nickname, greeting and alternate greetings, creator, creator notes, character version, adult mode,
 * visibility and {@code export_allowed}. The prompt does not depend on these views: chat-service and the worker get
 * the card from the {@code character.character-upserted} events.
 */
@Schema(description = CharacterResponse.SCHEMA_DESCRIPTION)
public record CharacterResponse(
        UUID id,
        UUID ownerId,
        String name,
        String description,
        CharacterType characterType,
        Sliders sliders,
        Visibility visibility,
        List<String> tags,
        @Nullable String avatarUrl,
        boolean nsfwEnabled,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ModerationStatus moderationStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String moderationReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<UUID> granteeIds,
        String nickname,
        String greeting,
        List<String> alternateGreetings,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String scenario,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String exampleDialogue,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String systemPrompt,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String postHistoryInstructions,

        String creatorNotes,
        String creator,
        String characterVersion,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Lorebook lorebook,

        @Schema(description = CharacterResponse.HIDDEN_FROM_OTHERS) @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        Map<String, @Nullable Object> extensions,

        boolean exportAllowed,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long chatCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long favoriteCount) {

    /** The definition fields left out for anyone but the owner unless {@code export_allowed}, by their wire names. */
    public static final List<String> DEFINITION = List.of(
            "scenario", "example_dialogue", "system_prompt", "post_history_instructions", "lorebook", "extensions");

    static final String HIDDEN_FROM_OTHERS = "Part of the card's definition: present for the owner, and for anyone else"
            + " only when the owner set export_allowed; left out otherwise.";

    static final String SCHEMA_DESCRIPTION = "A character. Anyone but its owner gets the card's definition (scenario,"
            + " example_dialogue, system_prompt, post_history_instructions, lorebook, extensions) only when the owner"
            + " set export_allowed; otherwise those fields are absent (in a read, a list, the public catalogue, a"
            + " redeemed share link). name, description, character_type, sliders, tags, avatar_url, nickname, greeting,"
            + " alternate_greetings, creator, creator_notes, character_version, nsfw_enabled, visibility and"
            + " export_allowed are shown to whoever may see the character. grantee_ids, moderation_status and"
            + " moderation_reason are the owner's alone.";

    /** A character of the public catalogue with its counts: chats in the last 7 days and favourites. */
    public static CharacterResponse listed(CharacterRow row, Viewer viewer, long chatCount, long favoriteCount) {
        CharacterResponse r = of(row, viewer);
        return new CharacterResponse(
                r.id,
                r.ownerId,
                r.name,
                r.description,
                r.characterType,
                r.sliders,
                r.visibility,
                r.tags,
                r.avatarUrl,
                r.nsfwEnabled,
                r.createdAt,
                r.updatedAt,
                r.moderationStatus,
                r.moderationReason,
                r.granteeIds,
                r.nickname,
                r.greeting,
                r.alternateGreetings,
                r.scenario,
                r.exampleDialogue,
                r.systemPrompt,
                r.postHistoryInstructions,
                r.creatorNotes,
                r.creator,
                r.characterVersion,
                r.lorebook,
                r.extensions,
                r.exportAllowed,
                chatCount,
                favoriteCount);
    }

    /** The character as {@code viewer} sees it in a list: the moderation fields for its owner only, no grantees. */
    public static CharacterResponse of(CharacterRow row, Viewer viewer) {
        return of(row, viewer.owns(row), null);
    }

    /**
     * The character with the moderation fields when {@code owner} reads it, and {@code grantee_ids} when given (an
     * owner reading one character).
     */
    public static CharacterResponse of(CharacterRow row, boolean owner, @Nullable List<UUID> granteeIds) {
        boolean definition = owner || row.exportAllowed();
        return new CharacterResponse(
                row.id(),
                row.ownerId(),
                row.name(),
                row.description(),
                row.characterType(),
                row.sliders(),
                row.visibility(),
                row.tags(),
                row.avatarUrl(),
                row.nsfwEnabled(),
                row.createdAt(),
                row.updatedAt(),
                owner ? row.moderationStatus() : null,
                owner ? row.moderationReason() : null,
                granteeIds == null ? null : List.copyOf(granteeIds),
                row.card().nickname(),
                row.card().greeting(),
                row.card().alternateGreetings(),
                definition ? row.card().scenario() : null,
                definition ? row.card().exampleDialogue() : null,
                definition ? row.card().systemPrompt() : null,
                definition ? row.card().postHistoryInstructions() : null,
                row.card().creatorNotes(),
                row.card().creator(),
                row.card().characterVersion(),
                definition ? row.card().lorebook() : null,
                definition ? row.card().extensions() : null,
                row.exportAllowed(),
                null,
                null);
    }
}
