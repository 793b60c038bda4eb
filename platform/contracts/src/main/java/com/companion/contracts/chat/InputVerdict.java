package com.companion.contracts.chat;

/**
 * chat-service's content-guard verdict on the user's message, carried with the request so the
 * worker need not judge it again with the same in-process guard: the message was allowed (a
 * refused one is never published), and {@code support} says whether it talks about self-harm or
 * discloses abuse, so the reply should take it seriously and point to help.
 */
public record InputVerdict(boolean support) {}
