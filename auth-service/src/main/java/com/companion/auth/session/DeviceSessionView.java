package com.companion.auth.session;

import java.time.Instant;
import java.util.UUID;

/** One signed-in device of the caller; {@code current} marks the session of the token used to ask. */
public record DeviceSessionView(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, boolean current) {}
