package com.companion.chat.session;

import java.util.UUID;

/**
 * A session was deleted by its owner on this instance (published in process): whatever still waits here for one of
 * its requests, which went with it, is told so ({@code push.ReplyHub}).
 */
public record SessionDeleted(UUID sessionId) {}
