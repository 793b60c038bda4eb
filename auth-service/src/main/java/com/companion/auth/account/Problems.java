package com.companion.auth.account;

import com.companion.platform.web.problem.ApiProblem;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Answers about an account that more than one feature gives. */
public final class Problems {

    /** 423 while an account is locked after too many failed password checks. */
    public static ApiProblem locked(Instant until) {
        return new ApiProblem(
                HttpStatus.LOCKED,
                "locked",
                "Locked",
                "Too many failed attempts. The account is locked until " + until + ".",
                Map.of("locked_until", until.toString()));
    }

    private Problems() {}
}
