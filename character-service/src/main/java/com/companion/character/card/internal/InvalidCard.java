package com.companion.character.card.internal;

import com.companion.platform.web.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems an unreadable card file gets: what is wrong with it, never a stack trace. */
public final class InvalidCard {

    /** 400 {@code invalid-card}: the file is not a card this service reads. */
    public static ApiProblem of(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-card", "Invalid Character Card", detail, Map.of());
    }

    /** 413 {@code too-large}: a part of the file is over its limit. */
    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large", detail, Map.of());
    }

    private InvalidCard() {}
}
