package com.companion.character.profile;

import com.companion.character.core.CardFields;
import com.companion.character.core.CardJson;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Lorebook;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns the card fields of a create or update request into {@link CardFields}; null means "as before". */
final class CardRequest {

    static CardFields merge(
            CardFields current,
            @Nullable String nickname,
            @Nullable String greeting,
            @Nullable List<String> alternateGreetings,
            @Nullable String scenario,
            @Nullable String exampleDialogue,
            @Nullable String systemPrompt,
            @Nullable String postHistoryInstructions,
            @Nullable String creatorNotes,
            @Nullable String creator,
            @Nullable String characterVersion,
            @Nullable Lorebook lorebook,
            @Nullable Map<String, @Nullable Object> extensions) {
        if (extensions != null
                && CardJson.length(extensions) > com.companion.character.core.CardLimits.EXTENSIONS_JSON) {
            throw InvalidRequest.field(
                    "extensions",
                    "must be at most " + com.companion.character.core.CardLimits.EXTENSIONS_JSON
                            + " characters of JSON");
        }
        return new CardFields(
                or(nickname, current.nickname()),
                or(greeting, current.greeting()),
                alternateGreetings == null ? current.alternateGreetings() : alternateGreetings,
                or(scenario, current.scenario()),
                or(exampleDialogue, current.exampleDialogue()),
                or(systemPrompt, current.systemPrompt()),
                or(postHistoryInstructions, current.postHistoryInstructions()),
                or(creatorNotes, current.creatorNotes()),
                or(creator, current.creator()),
                or(characterVersion, current.characterVersion()),
                lorebook == null ? current.lorebook() : lorebook,
                extensions == null ? current.extensions() : extensions);
    }

    private static String or(@Nullable String value, String current) {
        return value == null ? current : value;
    }

    private CardRequest() {}
}
