package com.companion.analytics.figures;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one day adds up to for one dimension, and what one event contributes to it: every field adds up
 * under {@link #plus}, so contributions and partial sums merge in any order. Category and reason maps are
 * sorted so that equal figures encode equally. {@code fallbacks} (turns a fallback model wrote) reads as 0
 * from figures stored before it was counted.
 */
public record Figures(
        long activeUsers,
        long newUsers,
        long sessionsStarted,
        long messagesSent,
        long turns,
        long tokensIn,
        long tokensOut,
        Map<String, Long> failures,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long fallbacks,
        Map<String, Long> blockedInputs,
        Map<String, Long> blockedOutputs,
        long adsDecided,
        long adsShown,
        long adClicks,
        byte[] latency) {

    public static final Figures NONE =
            new Figures(0, 0, 0, 0, 0, 0, 0, Map.of(), 0, Map.of(), Map.of(), 0, 0, 0, new byte[0]);

    public Figures {
        failures = new TreeMap<>(failures);
        blockedInputs = new TreeMap<>(blockedInputs);
        blockedOutputs = new TreeMap<>(blockedOutputs);
    }

    public static Figures activeUser() {
        return NONE.with(b -> b.activeUsers = 1);
    }

    public static Figures newUser() {
        return NONE.with(b -> b.newUsers = 1);
    }

    public static Figures sessionStarted() {
        return NONE.with(b -> b.sessionsStarted = 1);
    }

    public static Figures messageSent() {
        return NONE.with(b -> b.messagesSent = 1);
    }

    /** A completed reply; {@code fallback} when a fallback model wrote it. */
    public static Figures turn(long tokensIn, long tokensOut, long latencyMs, boolean fallback) {
        return NONE.with(b -> {
            b.turns = 1;
            b.fallbacks = fallback ? 1 : 0;
            b.tokensIn = tokensIn;
            b.tokensOut = tokensOut;
            b.latency = Latency.of(latencyMs);
        });
    }

    public static Figures failure(String reason) {
        return NONE.with(b -> b.failures = Map.of(reason, 1L));
    }

    public static Figures blockedInput(String category) {
        return NONE.with(b -> b.blockedInputs = Map.of(category, 1L));
    }

    public static Figures blockedOutput(String category) {
        return NONE.with(b -> b.blockedOutputs = Map.of(category, 1L));
    }

    public static Figures adDecided() {
        return NONE.with(b -> b.adsDecided = 1);
    }

    public static Figures adShown() {
        return NONE.with(b -> b.adsShown = 1);
    }

    public static Figures adClicked() {
        return NONE.with(b -> b.adClicks = 1);
    }

    public Figures plus(Figures other) {
        return new Figures(
                activeUsers + other.activeUsers,
                newUsers + other.newUsers,
                sessionsStarted + other.sessionsStarted,
                messagesSent + other.messagesSent,
                turns + other.turns,
                tokensIn + other.tokensIn,
                tokensOut + other.tokensOut,
                add(failures, other.failures),
                fallbacks + other.fallbacks,
                add(blockedInputs, other.blockedInputs),
                add(blockedOutputs, other.blockedOutputs),
                adsDecided + other.adsDecided,
                adsShown + other.adsShown,
                adClicks + other.adClicks,
                Latency.merge(latency, other.latency));
    }

    private static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((name, count) -> sum.merge(name, count, Long::sum));
        return sum;
    }

    private Figures with(java.util.function.Consumer<Builder> change) {
        Builder builder = new Builder();
        change.accept(builder);
        return new Figures(
                builder.activeUsers,
                builder.newUsers,
                builder.sessionsStarted,
                builder.messagesSent,
                builder.turns,
                builder.tokensIn,
                builder.tokensOut,
                builder.failures,
                builder.fallbacks,
                builder.blockedInputs,
                builder.blockedOutputs,
                builder.adsDecided,
                builder.adsShown,
                builder.adClicks,
                builder.latency);
    }

    private static final class Builder {
        long activeUsers;
        long newUsers;
        long sessionsStarted;
        long messagesSent;
        long turns;
        long tokensIn;
        long tokensOut;
        Map<String, Long> failures = Map.of();
        long fallbacks;
        Map<String, Long> blockedInputs = Map.of();
        Map<String, Long> blockedOutputs = Map.of();
        long adsDecided;
        long adsShown;
        long adClicks;
        byte[] latency = new byte[0];
    }
}
