package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
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
        String scenario,
        String exampleDialogue,
        String systemPrompt,
        String postHistoryInstructions,
        String creatorNotes,
        String creator,
        String characterVersion,
        Lorebook lorebook,
        Map<String, @Nullable Object> extensions,
        boolean exportAllowed,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long chatCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long favoriteCount) {

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
                row.card().scenario(),
                row.card().exampleDialogue(),
                row.card().systemPrompt(),
                row.card().postHistoryInstructions(),
                row.card().creatorNotes(),
                row.card().creator(),
                row.card().characterVersion(),
                row.card().lorebook(),
                row.card().extensions(),
                row.exportAllowed(),
                null,
                null);
    }
}
