package com.companion.character.core;

import com.companion.contracts.character.LorebookEntry;
import com.companion.contracts.character.LorebookPosition;
import com.companion.contracts.character.PersonaCard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Character Card fields of a character (spec V2/V3 names in brackets): {@code greeting}
 * (first_mes), {@code exampleDialogue} (mes_example), {@code lorebook} (character_book). Unset
 * texts are empty strings. {@code creatorNotes} are shown to people and never go into a prompt;
 * {@code extensions} are kept verbatim so unknown keys survive an import and an export.
 */
public record CardFields(
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
        Map<String, @Nullable Object> extensions) {

    public static final CardFields EMPTY =
            new CardFields("", "", List.of(), "", "", "", "", "", "", "", Lorebook.EMPTY, Map.of());

    public CardFields {
        nickname = text(nickname);
        greeting = text(greeting);
        alternateGreetings = alternateGreetings == null
                ? List.of()
                : alternateGreetings.stream().map(CardFields::text).toList();
        scenario = text(scenario);
        exampleDialogue = text(exampleDialogue);
        systemPrompt = text(systemPrompt);
        postHistoryInstructions = text(postHistoryInstructions);
        creatorNotes = text(creatorNotes);
        creator = text(creator);
        characterVersion = text(characterVersion);
        lorebook = lorebook == null ? Lorebook.EMPTY : lorebook;
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** What a prompt and a new session need: the screened texts and the enabled lorebook entries. */
    public PersonaCard persona() {
        List<LorebookEntry> entries = lorebook.entries().stream()
                .filter(Lorebook.Entry::enabled)
                .map(e -> new LorebookEntry(
                        e.keys(),
                        e.secondaryKeys(),
                        e.content(),
                        e.constant(),
                        e.selective(),
                        e.insertionOrder(),
                        e.position() == null ? LorebookPosition.BEFORE_CHAR : e.position(),
                        e.caseSensitive(),
                        e.useRegex()))
                .toList();
        return new PersonaCard(
                nickname,
                greeting,
                alternateGreetings,
                scenario,
                exampleDialogue,
                systemPrompt,
                postHistoryInstructions,
                entries);
    }

    private static String text(@Nullable String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").strip();
    }
}
