package com.companion.auth.account.internal;

import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Problems naming a request field, shaped like the platform's validation and conflict answers. */
public final class FieldProblems {

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Bad Request",
                "The request has invalid fields; see errors.",
                Map.of("errors", List.of(new FieldError(field, message))));
    }

    public static ApiProblem taken(String field) {
        String what = switch (field) {
            case "phone_number" -> "phone number";
            default -> field;
        };
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "taken",
                "Conflict",
                "This " + what + " is already used by another account.",
                Map.of("field", field));
    }

    private FieldProblems() {}
}
