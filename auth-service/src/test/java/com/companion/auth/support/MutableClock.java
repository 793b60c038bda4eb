package com.companion.auth.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time shifted by an offset that a test moves, so time can pass without waiting. */
public final class MutableClock extends Clock {

    private volatile Duration offset;

    public MutableClock(Duration initialOffset) {
        this.offset = initialOffset;
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void setOffset(Duration newOffset) {
        offset = newOffset;
    }

    /** Makes "now" the given instant (and lets time run on from there). */
    public void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
