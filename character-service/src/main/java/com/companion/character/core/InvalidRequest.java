package com.companion.character.core;

import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** A validation failure found after binding, in the same shape as Bean Validation's. */
public final class InvalidRequest {

    private static final Pattern UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    public static ApiProblem field(String field, String message) {
        return fields(List.of(new FieldError(field, message)));
    }

    /**
     * The violations of a request validated by hand (a card import), each named by its whole path as a JSON body
     * names it ({@code lorebook.entries[3].content}, {@code alternate_greetings[1]}), as {@code POST /characters}
     * reports the same violations.
     */
    public static ApiProblem of(Collection<? extends ConstraintViolation<?>> violations) {
        return fields(violations.stream()
                .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
    }

    private static ApiProblem fields(List<FieldError> errors) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Bad Request",
                "The request has invalid fields; see errors.",
                Map.of("errors", errors));
    }

    static String path(Path path) {
        StringBuilder wire = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                wire.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : String.valueOf(node.getKey()))
                        .append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!wire.isEmpty()) {
                    wire.append('.');
                }
                wire.append(UPPER.matcher(node.getName()).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
            }
        }
        return wire.isEmpty() ? "body" : wire.toString();
    }

    private InvalidRequest() {}
}
