package com.companion.auth.session;

import com.companion.contracts.Plan;
import java.util.List;
import java.util.UUID;

/** The account a session belongs to, as its access tokens describe it. */
public record SessionSubject(UUID userId, String username, Plan plan, boolean isAdult, List<String> roles) {

    public SessionSubject {
        roles = List.copyOf(roles);
    }
}
