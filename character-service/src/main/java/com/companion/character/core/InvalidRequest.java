package com.companion.character.core;

import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A validation failure found after binding, in the same shape as Bean Validation's. */
public final class InvalidRequest {

    public static ApiProblem field(String field, String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Bad Request",
                "The request has invalid fields; see errors.",
                Map.of("errors", List.of(new FieldError(field, message))));
    }

    private InvalidRequest() {}
}
