package com.companion.contracts.character;

/** Personality traits, each an integer from 0 to 100. */
public record Sliders(
        int shyness, int flirtiness, int humor, int boldness, int affection, int sarcasm, int positivity) {

    public static final int DEFAULT = 50;

    public static Sliders defaults() {
        return new Sliders(DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT);
    }
}
