package com.companion.chat.safety;

import com.companion.chat.access.Caller;
import com.companion.chat.access.CharacterView;
import com.companion.chat.moderation.Reports;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.InputBlocked;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.InstructionOverride;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The content guard on what users send: a blocked message is refused with a problem naming the
 * policy, never reaches the LLM, and is recorded for review. Adult mode applies only to an adult
 * caller talking to an adult-mode character. The guard reads the message in its conversation (the
 * session's latest messages and the character's own text), so an age stated earlier in a roleplay
 * counts when a later message turns sexual.
 */
@Component
public class InputScreening {

    private static final Logger log = LoggerFactory.getLogger(InputScreening.class);

    /** The policy of text that speaks to the model instead of telling it facts. */
    public static final String INSTRUCTION_OVERRIDE = "instruction-override";

    private final ContentGuard guard;
    private final JdbcClient jdbc;
    private final Reports reports;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public InputScreening(
            ContentGuard guard, JdbcClient jdbc, Reports reports, Outbox outbox, TransactionTemplate transactions) {
        this.reports = reports;
        this.guard = guard;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Returns whether the user should be offered support resources; throws when the message is refused. */
    public boolean screen(
            Caller caller, UUID sessionId, CharacterView character, List<HistoryMessage> recent, String text) {
        return judge(
                caller,
                sessionId,
                character,
                recent.stream().map(HistoryMessage::content).toList(),
                text,
                "This message breaks the content rules (%s) and was not sent.");
    }

    /**
     * Screens a memory the user wants pinned for the character: it reaches the model with every turn, so it is
     * held to the rules of a message, in the character's context and the user's persona.
     */
    public void screenMemory(Caller caller, CharacterView character, String text) {
        refuseIfItSpeaksToTheModel(caller, null, character, text, true, "This memory %s and was not kept.");
        List<String> said = caller.persona() == null
                ? List.of()
                : List.of(caller.persona().name() + ": " + caller.persona().description());
        judge(caller, null, character, said, text, "This memory breaks the content rules (%s) and was not kept.");
    }

    /**
     * Screens a reply of the character that the user rewrites: the model reads it as its own voice next turn, so it is
     * held to the rules of a message the user sends, in the character's context, and may not speak to the model.
     */
    public void screenRewrite(Caller caller, UUID sessionId, CharacterView character, String text) {
        refuseIfItSpeaksToTheModel(caller, sessionId, character, text, false, "This edit %s and was not saved.");
        judge(
                caller,
                sessionId,
                character,
                List.of(),
                text,
                "This edit breaks the content rules (%s) and was not saved.");
    }

    /**
     * The guard's verdict on {@code text} in its conversation ({@code recent}, and the character's own text), in the
     * character's mode for this caller; a refusal is kept and thrown ({@link #refuse}). Whether to offer support.
     */
    private boolean judge(
            Caller caller,
            @Nullable UUID sessionId,
            CharacterView character,
            List<String> recent,
            String text,
            String detail) {
        Conversation conversation = Conversation.of(
                recent, character.name() + "\n" + (character.description() == null ? "" : character.description()));
        Verdict verdict = guard.check(
                text,
                GuardContext.input(caller.adult(), character.nsfwEnabled()).with(conversation));
        if (verdict.blocked()) {
            refuse(caller, sessionId, character, verdict, text, detail);
        }
        return verdict.needsSupport();
    }

    /**
     * Text the user writes that goes into a prompt as a fact or as the character's words (a memory, a rewritten
     * reply) may not give the model instructions or claim that the user's age was verified ({@link
     * InstructionOverride#findInUserText}), nor, in a memory of a caller who is not an adult, that they are one
     * ({@link InstructionOverride#findInMinorsText}): 400 {@code content-blocked} with policy {@code instruction-override}.
     */
    private void refuseIfItSpeaksToTheModel(
            Caller caller,
            @Nullable UUID sessionId,
            CharacterView character,
            String text,
            boolean aboutTheUser,
            String detail) {
        // In a memory, which is a fact about the user, someone under 18 may not say they are an adult either: their
        // account's age is what the prompt follows. A rewritten reply is the character's words ("I'm 25").
        Optional<String> override = caller.adult() || !aboutTheUser
                ? InstructionOverride.findInUserText(text)
                : InstructionOverride.findInMinorsText(text, false);
        if (override.isPresent()) {
            refuse(
                    caller,
                    sessionId,
                    character,
                    new Refused(INSTRUCTION_OVERRIDE, List.of(), List.of(override.get()), false),
                    text,
                    detail.formatted("speaks to the model (%s)"));
        }
    }

    /**
     * Keeps the refused text for review (without a session for a memory) and answers 400 content-blocked. A refused
     * message is also told to analytics ({@link InputBlocked} on the activity topic, without its text), in the same
     * transaction as the review row.
     */
    private void refuse(
            Caller caller,
            @Nullable UUID sessionId,
            CharacterView character,
            Verdict verdict,
            String text,
            String detail) {
        refuse(
                caller,
                sessionId,
                character,
                new Refused(
                        verdict.policy().code(), verdict.categoryCodes(), verdict.reasons(), verdict.needsSupport()),
                text,
                detail);
    }

    /** Why a text was refused: a guard policy, or {@link #INSTRUCTION_OVERRIDE} with the rule that matched. */
    private record Refused(String policy, List<String> categories, List<String> reasons, boolean support) {}

    private void refuse(
            Caller caller,
            @Nullable UUID sessionId,
            CharacterView character,
            Refused refused,
            String text,
            String detail) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                                insert into blocked_message (id, user_id, session_id, character_id, policy, categories, reasons, content)
                                values (:id, :user, :session, :character, :policy, :categories, :reasons, :content)
                                """)
                    .param("id", id)
                    .param("user", caller.userId())
                    .param("session", sessionId)
                    .param("character", character.characterId())
                    .param("policy", refused.policy())
                    .param("categories", refused.categories().toArray(String[]::new))
                    .param("reasons", refused.reasons().toArray(String[]::new))
                    .param("content", text)
                    .update();
            if (sessionId != null) {
                outbox.publish(new InputBlocked(
                        id,
                        sessionId,
                        caller.userId(),
                        character.characterId(),
                        refused.policy(),
                        refused.categories(),
                        Instant.now()));
            }
        });
        log.info("input blocked by policy {} ({})", refused.policy(), refused.reasons());
        try {
            reports.refused(caller.userId());
        } catch (RuntimeException e) {
            log.warn("could not check the user's refusals for a report", e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("policy", refused.policy());
        properties.put("categories", refused.categories());
        properties.put("support", refused.support());
        throw new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "content-blocked",
                "Message Not Allowed",
                detail.formatted(refused.policy()),
                properties);
    }
}
