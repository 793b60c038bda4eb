package com.companion.auth.session;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads the current state of an account when a session is refreshed, so a refreshed access token
 * carries today's plan, adult flag and roles. Implemented by the account feature; empty when the
 * account no longer exists or may not sign in.
 */
public interface SessionSubjects {

    Optional<SessionSubject> findActive(UUID userId);
}
