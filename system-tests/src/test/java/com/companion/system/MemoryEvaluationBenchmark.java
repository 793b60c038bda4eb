package com.companion.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.system.Api.Response;
import com.companion.system.Api.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The memory evaluation through the whole stack: for each of the scripted conversations in {@code
 * chat-service/src/test/resources/memory} a new user tells a character a fact, talks about 40 other things, then
 * asks a question that needs the fact, all through {@code /chat/send} with the offline LLM answering. The figure is
 * the share of questions whose prompt, as the offline LLM received it, holds the fact (in any part: recalled
 * moments, the running summary, or the recent messages), with the prompt's size. The conversations run side by
 * side. Figures go to {@code system-tests/target/benchmark-memory-evaluation.md}; the run fails below the target.
 *
 * <p>{@code ./mvnw -pl deploy/local,system-tests -am verify -Pbenchmark -Dtest=none
 * -Dit.test=MemoryEvaluationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@ExtendWith(Stack.class)
class MemoryEvaluationBenchmark {

    static final double TARGET = 0.9;
    static final Path SCRIPT = Stack.REPOSITORY.resolve("chat-service/src/test/resources/memory");

    record Outcome(String question, boolean factInPrompt, int promptChars) {}

    @Test
    void aFactToldFortyTurnsAgoIsInThePromptOfTheQuestionThatNeedsIt() throws Exception {
        List<String[]> facts =
                lines("facts.tsv").stream().map(line -> line.split("\t")).toList();
        List<String> fillers = lines("fillers.txt");
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService conversations = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> running = new ArrayList<>();
            for (String[] pair : facts) {
                running.add(conversations.submit(() -> converse(pair[0], fillers, pair[1])));
            }
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        }
        long hits = outcomes.stream().filter(Outcome::factInPrompt).count();
        double share = (double) hits / outcomes.size();
        double meanChars =
                outcomes.stream().mapToInt(Outcome::promptChars).average().orElse(0);
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "# Memory evaluation through the stack\n\n%d conversations: a fact, %d other turns, then a question that"
                        + " needs it, through /chat/send with the offline LLM. The fact was in the prompt the LLM"
                        + " received for %d of %d questions (%.2f, target %.2f). Prompt size: %.0f characters on"
                        + " average (about %.0f tokens at four characters a token).\n\n| question | fact in the"
                        + " prompt | prompt characters |\n|---|---|---|\n",
                outcomes.size(),
                fillers.size(),
                hits,
                outcomes.size(),
                share,
                TARGET,
                meanChars,
                meanChars / 4));
        outcomes.forEach(o -> report.append("| ")
                .append(o.question())
                .append(" | ")
                .append(o.factInPrompt() ? "yes" : "**no**")
                .append(" | ")
                .append(o.promptChars())
                .append(" |\n"));
        System.out.println(report);
        Path file = Stack.REPOSITORY.resolve("system-tests/target/benchmark-memory-evaluation.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        assertThat(share).as(report.toString()).isGreaterThanOrEqualTo(TARGET);
    }

    private static Outcome converse(String fact, List<String> fillers, String question) {
        User user = Api.signup(30);
        UUID session = ChatSystemIT.session(user, Characters.create(user, "private", false));
        ChatSystemIT.send(user, session, fact);
        for (String filler : fillers) {
            ChatSystemIT.send(user, session, filler);
        }
        String asked = question + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";
        ChatSystemIT.send(user, session, asked);
        JsonNode call = llmCallWith(asked);
        StringBuilder prompt = new StringBuilder();
        for (JsonNode message : call.path("messages")) {
            prompt.append(message.path("content").asString()).append('\n');
        }
        // The prompt holds the fact however it got there: recalled, in the summary or among the recent messages.
        String core = fact.replaceAll("[.!]$", "");
        return new Outcome(question, prompt.toString().contains(core), prompt.length());
    }

    private static JsonNode llmCallWith(String message) {
        Response calls = Api.send(HttpRequest.newBuilder(URI.create(Stack.LLM_ADMIN + "/_admin/calls"))
                .timeout(Duration.ofSeconds(10))
                .build());
        JsonNode found = null;
        for (JsonNode call : calls.json().path("calls")) {
            JsonNode messages = call.path("messages");
            for (JsonNode m : messages) {
                if (m.path("role").asString().equals("user")
                        && m.path("content").asString().equals(message)) {
                    found = call;
                }
            }
        }
        assertThat(found).as("the offline LLM's call for " + message).isNotNull();
        return found;
    }

    private static List<String> lines(String name) throws Exception {
        return Files.readAllLines(SCRIPT.resolve(name)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }
}
