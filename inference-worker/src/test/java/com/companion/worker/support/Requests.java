package com.companion.worker.support;

import com.companion.contracts.Plan;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Persona;
import com.companion.contracts.character.PersonaCard;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.InputVerdict;
import com.companion.contracts.chat.Memory;
import com.companion.contracts.chat.MessageRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Test data builder for requests: an adult chatting with a clean girlfriend character unless told otherwise. */
public final class Requests {

    private UUID sessionId = UUID.randomUUID();
    private boolean userIsAdult = true;
    private String name = "Asha";
    private String description = "A cheerful bookworm from Pune who loves rainy evenings.";
    private CharacterType type = CharacterType.GIRLFRIEND;
    private Sliders sliders = new Sliders(20, 70, 60, 40, 80, 10, 90);
    private boolean nsfw;
    private final List<HistoryMessage> history = new ArrayList<>();
    private @Nullable PersonaCard card;
    private String message = "Hi! How was your day?";
    private Instant requestedAt;
    private InputVerdict inputVerdict;
    private @Nullable String continues;
    private @Nullable Memory memory;

    public static Requests request() {
        return new Requests();
    }

    public Requests session(UUID sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public Requests adult(boolean adult) {
        this.userIsAdult = adult;
        return this;
    }

    public Requests nsfw(boolean nsfw) {
        this.nsfw = nsfw;
        return this;
    }

    public Requests type(CharacterType type) {
        this.type = type;
        return this;
    }

    public Requests name(String name) {
        this.name = name;
        return this;
    }

    public Requests description(String description) {
        this.description = description;
        return this;
    }

    public Requests sliders(Sliders sliders) {
        this.sliders = sliders;
        return this;
    }

    public Requests user(String content) {
        history.add(new HistoryMessage(ChatRole.USER, content));
        return this;
    }

    public Requests assistant(String content) {
        history.add(new HistoryMessage(ChatRole.ASSISTANT, content));
        return this;
    }

    public Requests message(String message) {
        this.message = message;
        return this;
    }

    public Requests card(PersonaCard card) {
        this.card = card;
        return this;
    }

    public Requests requestedAt(Instant requestedAt) {
        this.requestedAt = requestedAt;
        return this;
    }

    /** chat-service's verdict on the message, as it carries it; none by default, so the worker screens it. */
    public Requests screenedByChat(boolean support) {
        this.inputVerdict = new InputVerdict(support);
        return this;
    }

    /** The request extends a reply that answered the message: {@code text} is that reply so far. */
    public Requests continues(String text) {
        this.continues = text;
        return this;
    }

    /** What chat-service sends of the user beyond the history: username, persona, pinned memories. */
    public Requests memory(Memory memory) {
        this.memory = memory;
        return this;
    }

    public MessageRequested build() {
        return new MessageRequested(
                UUID.randomUUID(),
                sessionId,
                UUID.randomUUID(),
                UUID.randomUUID(),
                Plan.FREE,
                userIsAdult,
                new Persona(UUID.randomUUID(), name, description, type, sliders, nsfw, card),
                history,
                message,
                requestedAt == null ? Instant.now() : requestedAt,
                inputVerdict,
                continues,
                memory);
    }
}
