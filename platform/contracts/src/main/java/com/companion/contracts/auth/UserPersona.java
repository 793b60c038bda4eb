package com.companion.contracts.auth;

/**
 * Who the user plays in their chats ({@code PUT /auth/me/persona}): {@code name} stands for
 * {@code {{user}}} in character text and prompts, {@code description} tells the character about them.
 * User-written: prompts treat it as data, never as instructions.
 */
public record UserPersona(String name, String description) {}
