package com.companion.contracts.chat;

public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {}
