package com.companion.worker.title;

import com.companion.contracts.chat.ChatRole;
import com.companion.contracts.chat.HistoryMessage;
import com.companion.contracts.chat.SessionTitled;
import com.companion.contracts.chat.TitleRequested;
import com.companion.contracts.chat.TokenUsage;
import com.companion.worker.guard.ReplyGuard;
import com.companion.worker.guard.ReplyGuard.Subject;
import com.companion.worker.guard.Screening;
import com.companion.worker.llm.ChatMessage;
import com.companion.worker.llm.Deadline;
import com.companion.worker.llm.LlmClient;
import com.companion.worker.llm.LlmFailure;
import com.companion.worker.llm.LlmReply;
import com.companion.worker.llm.StreamListener;
import com.companion.worker.reply.ReplyEvents;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Names a conversation: asks the model for a short title of its first messages, tidies the answer,
 * screens it with the output guard and publishes it. Best effort: a failed or refused title leaves the
 * session unnamed and is not retried; only an unpublished title is (the listener's error handler
 * redelivers the request).
 */
@Service
public class TitleService {

    static final String TITLE_INSTRUCTIONS = "You name conversations in a chat app. Read the conversation below"
            + " and answer with a short title for it: 2 to 6 words, in the conversation's language, no quotes, no"
            + " emoji, no full stop. Answer with the title only.";
    static final int MAX_TITLE_CHARS = 80;

    private static final Logger log = LoggerFactory.getLogger(TitleService.class);
    private static final StreamListener IGNORE_TOKENS = new StreamListener() {
        @Override
        public void onToken(String text) {}

        @Override
        public void onRestart(int attempt) {}
    };

    private final LlmClient llm;
    private final ReplyGuard guard;
    private final ReplyEvents events;
    private final TitleProperties properties;

    TitleService(LlmClient llm, ReplyGuard guard, ReplyEvents events, TitleProperties properties) {
        this.llm = llm;
        this.guard = guard;
        this.events = events;
        this.properties = properties;
    }

    public void title(TitleRequested request) throws InterruptedException {
        LlmReply reply;
        try {
            reply = llm.generate(prompt(request), Deadline.after(properties.deadline()), IGNORE_TOKENS);
        } catch (LlmFailure e) {
            log.info(
                    "session {}: no title ({}): {}",
                    request.sessionId(),
                    e.reason().code(),
                    e.getMessage());
            return;
        }
        String title = tidy(reply.text());
        if (title.isEmpty()) {
            log.info("session {}: the model gave no usable title", request.sessionId());
            return;
        }
        Screening screening = guard.screen(title, subject(request));
        if (screening.blocked()) {
            log.info("session {}: the title was refused ({})", request.sessionId(), screening.policy());
            return;
        }
        events.publish(new SessionTitled(
                request.requestId(),
                request.sessionId(),
                request.userId(),
                title,
                reply.model(),
                new TokenUsage(
                        reply.usage().promptTokens(),
                        reply.usage().completionTokens(),
                        reply.usage().totalTokens()),
                Instant.now()));
    }

    List<ChatMessage> prompt(TitleRequested request) {
        String name = request.character().name();
        StringBuilder transcript = new StringBuilder();
        List<HistoryMessage> messages = request.messages();
        for (HistoryMessage message : messages.subList(0, Math.min(messages.size(), properties.maxMessages()))) {
            String content = message.content().strip();
            if (content.length() > properties.maxMessageChars()) {
                content = content.substring(0, properties.maxMessageChars()) + "…";
            }
            transcript
                    .append(message.role() == ChatRole.USER ? "User" : name)
                    .append(": ")
                    .append(content)
                    .append('\n');
        }
        return List.of(
                ChatMessage.system(TITLE_INSTRUCTIONS),
                ChatMessage.user("<conversation>\n" + transcript + "</conversation>"));
    }

    /** The first line, without a "Title:" label, quotes, markdown or a closing full stop, at most 80 characters. */
    static String tidy(String answer) {
        String line = answer == null ? "" : answer.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline);
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("title:")) {
            line = line.substring("title:".length());
        }
        line = line.replaceAll("[*_#`\"“”«»]", "").replaceAll("\\s+", " ").strip();
        while (line.length() > 1 && (line.startsWith("'") && line.endsWith("'"))) {
            line = line.substring(1, line.length() - 1).strip();
        }
        line = line.replaceAll("[.。!]+$", "").strip();
        if (line.length() > MAX_TITLE_CHARS) {
            int cut = line.lastIndexOf(' ', MAX_TITLE_CHARS);
            line = line.substring(0, cut > MAX_TITLE_CHARS / 2 ? cut : MAX_TITLE_CHARS)
                    .strip();
        }
        return line;
    }

    private static Subject subject(TitleRequested request) {
        return Subject.aboutConversation(request.character(), request.userIsAdult(), request.messages(), 6);
    }
}
