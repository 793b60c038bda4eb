package com.companion.contracts.character;

import java.util.List;

/**
 * The Character Card fields a prompt (or a new session) needs, beyond name and description. Every
 * text is creator-written and was screened by character-service like the description; empty when
 * unset. {@code greeting} and {@code alternateGreetings} are carried for the first message of a
 * session; {@code lorebook} holds only enabled entries.
 */
public record PersonaCard(
        String nickname,
        String greeting,
        List<String> alternateGreetings,
        String scenario,
        String exampleDialogue,
        String systemPrompt,
        String postHistoryInstructions,
        List<LorebookEntry> lorebook) {

    public static final PersonaCard EMPTY = new PersonaCard("", "", List.of(), "", "", "", "", List.of());

    public PersonaCard {
        alternateGreetings = List.copyOf(alternateGreetings);
        lorebook = List.copyOf(lorebook);
    }
}
