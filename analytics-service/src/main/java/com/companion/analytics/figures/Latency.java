package com.companion.analytics.figures;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Reply latencies in milliseconds as an HdrHistogram: two significant digits up to ten minutes, so a
 * percentile is within 1% of the truth, and histograms of many instances, days or models add up exactly
 * (percentiles do not). Stored and published in HdrHistogram's compressed V2 form.
 */
public final class Latency {

    private static final long HIGHEST_MS = 600_000;
    private static final int SIGNIFICANT_DIGITS = 2;

    private Latency() {}

    public static Histogram empty() {
        return new Histogram(HIGHEST_MS, SIGNIFICANT_DIGITS);
    }

    public static byte[] of(long millis) {
        Histogram histogram = empty();
        histogram.recordValue(Math.clamp(millis, 0, HIGHEST_MS));
        return encode(histogram);
    }

    public static Histogram decode(byte[] encoded) {
        if (encoded.length == 0) {
            return empty();
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), HIGHEST_MS);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an HdrHistogram", e);
        }
    }

    public static byte[] encode(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] encoded = new byte[length];
        buffer.flip();
        buffer.get(encoded);
        return encoded;
    }

    public static byte[] merge(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        Histogram merged = decode(a);
        merged.add(decode(b));
        return encode(merged);
    }

    public static byte[] fromBase64(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    public static String toBase64(byte[] encoded) {
        return Base64.getEncoder().encodeToString(encoded);
    }

    /** The value at {@code percentile} (0–100), 0 when nothing was recorded. */
    public static long percentile(byte[] encoded, double percentile) {
        Histogram histogram = decode(encoded);
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }
}
