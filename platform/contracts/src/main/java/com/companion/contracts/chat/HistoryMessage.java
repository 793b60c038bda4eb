package com.companion.contracts.chat;

public record HistoryMessage(ChatRole role, String content) {}
