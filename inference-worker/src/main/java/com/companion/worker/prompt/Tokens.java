package com.companion.worker.prompt;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An estimate of how many tokens a text is for the chat models (Llama 3's byte-pair vocabulary and its like). No
 * model's tokenizer file can be shipped here, so this counts what BPE vocabularies split text into: a common word is
 * one token, a longer one one per six letters or so, a number one per three digits, each punctuation mark or symbol
 * one, and each character of a script without spaces (CJK, Thai) one. It is an approximation, not checked here
 * against a real tokenizer (none can be had offline); it leans towards counting more (a word that the vocabulary
 * holds whole may count two), the safe side for a budget. Each message adds the chat template's four tokens.
 */
final class Tokens {

    static final int PER_MESSAGE = 4;

    private static final Pattern PIECE =
            Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]|\\p{L}+|\\p{N}+|[^\\s\\p{L}\\p{N}]");

    private Tokens() {}

    static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int tokens = 0;
        Matcher piece = PIECE.matcher(text);
        while (piece.find()) {
            int length = piece.end() - piece.start();
            char first = text.charAt(piece.start());
            if (Character.isDigit(first)) {
                tokens += (length + 2) / 3;
            } else if (Character.isLetter(first) && length > 1) {
                tokens += 1 + (length - 1) / 6;
            } else {
                tokens++;
            }
        }
        return tokens;
    }

    static int of(List<com.companion.worker.llm.ChatMessage> messages) {
        int tokens = 0;
        for (var message : messages) {
            tokens += PER_MESSAGE + of(message.content());
        }
        return tokens;
    }
}
