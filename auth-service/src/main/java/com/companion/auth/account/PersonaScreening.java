package com.companion.auth.account;

import com.companion.contracts.auth.UserPersona;
import com.companion.platform.guard.Audience;
import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.rules.InstructionOverride;
import com.companion.platform.web.problem.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A persona goes into the system message of every chat, so it is screened like a character's text: by the content
 * guard's rules (this service runs no learned layer; chat-service's guard reads the persona again as the context of
 * every message) and for text that speaks to the model ({@link InstructionOverride}). Never-allowed content is refused
 * for everyone, sexual content for a minor; each field alone and both together.
 */
@Component
class PersonaScreening {

    private static final Logger log = LoggerFactory.getLogger(PersonaScreening.class);

    private final ContentGuard guard;

    PersonaScreening(ContentGuard guard) {
        this.guard = guard;
    }

    /** @throws ApiProblem 422 {@code content-blocked} naming the policy and the field, never the text */
    void requireAcceptable(UserPersona persona, boolean adult) {
        GuardContext context = GuardContext.input(adult ? Audience.ADULT_MODE : Audience.MINOR);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", persona.name());
        fields.put("description", persona.description());
        fields.put("persona", persona.name() + "\n" + persona.description());
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            String field = entry.getKey();
            String text = entry.getValue();
            // A persona speaks for the user: it may not claim that their age was verified either, and a minor's may
            // not make them an adult ("Alex, 19").
            Optional<String> override =
                    adult ? InstructionOverride.findInUserText(text) : InstructionOverride.findInMinorsText(text, true);
            if (override.isPresent()) {
                throw refused("instruction-override", List.of(), field, List.of(override.get()));
            }
            Verdict verdict = guard.check(text, context);
            if (verdict.blocked()) {
                throw refused(verdict.policy().code(), verdict.categoryCodes(), field, verdict.reasons());
            }
        }
    }

    private static ApiProblem refused(String policy, List<String> categories, String field, List<String> rules) {
        log.info("persona refused: policy {} field {} rules {}", policy, field, rules);
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "content-blocked",
                "Content Not Allowed",
                "The persona breaks the content rules (" + policy + ") in the field " + field
                        + "; nothing was changed.",
                Map.of("policy", policy, "categories", categories, "field", field));
    }
}
