package com.companion.character.card.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads and writes the {@code tEXt} chunks of a PNG (or APNG) without decoding the image: the chunk
 * layout is length, type, data, CRC-32 of type and data (PNG spec § 5.3). No maintained library on
 * Maven Central does only this; image libraries decode and re-encode the pixels, which an importer of
 * untrusted files should not do just to read a text chunk.
 *
 * <p>Every chunk is bounds-checked against the file and its own limit and its CRC verified, so a
 * truncated or corrupt file is refused with a message instead of being half read.
 */
public final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> TEXT_TYPES = Set.of("tEXt", "zTXt", "iTXt");

    private PngChunks() {}

    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length
                && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * The {@code tEXt} chunks by keyword (the first of each keyword wins), read up to {@code IEND}.
     *
     * @param maxChunkBytes the largest chunk accepted; a larger one answers 413
     */
    public static Map<String, String> texts(byte[] png, int maxChunkBytes) {
        Map<String, String> texts = new LinkedHashMap<>();
        walk(png, maxChunkBytes, (type, start, length) -> {
            if ("tEXt".equals(type)) {
                int nul = indexOf(png, (byte) 0, start, start + length);
                if (nul > start) {
                    String keyword = new String(png, start, nul - start, StandardCharsets.ISO_8859_1);
                    String text = new String(png, nul + 1, start + length - nul - 1, StandardCharsets.ISO_8859_1);
                    texts.putIfAbsent(keyword, text);
                }
            }
            return true;
        });
        return texts;
    }

    /**
     * The same PNG with every text chunk named one of {@code texts}' keywords removed and the given
     * {@code tEXt} chunks written just before {@code IEND}; all other chunks are copied unchanged.
     */
    public static byte[] withTexts(byte[] png, Map<String, String> texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 1024);
        out.writeBytes(SIGNATURE);
        walk(png, Integer.MAX_VALUE, (type, start, length) -> {
            int chunkStart = start - 8;
            int chunkEnd = start + length + 4;
            if ("IEND".equals(type)) {
                texts.forEach((keyword, text) -> out.writeBytes(chunk("tEXt", tEXt(keyword, text))));
                out.write(png, chunkStart, chunkEnd - chunkStart);
                return false;
            }
            if (TEXT_TYPES.contains(type) && texts.containsKey(keyword(png, start, length))) {
                return true;
            }
            out.write(png, chunkStart, chunkEnd - chunkStart);
            return true;
        });
        return out.toByteArray();
    }

    /** One chunk: length, type, data, CRC-32 over type and data. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] tEXt(String keyword, String text) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[k.length + 1 + t.length];
        System.arraycopy(k, 0, data, 0, k.length);
        System.arraycopy(t, 0, data, k.length + 1, t.length);
        return data;
    }

    private interface ChunkVisitor {
        /** Answers whether to go on. */
        boolean visit(String type, int dataStart, int dataLength);
    }

    private static void walk(byte[] png, int maxChunkBytes, ChunkVisitor visitor) {
        if (!isPng(png)) {
            throw InvalidCard.of("The file is not a PNG.");
        }
        int pos = SIGNATURE.length;
        while (true) {
            if (png.length - pos < 12) {
                throw InvalidCard.of("The PNG is truncated: it ends before its IEND chunk.");
            }
            long length = ByteBuffer.wrap(png, pos, 4).getInt() & 0xffffffffL;
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                throw InvalidCard.of("The PNG has a malformed chunk at byte " + pos + ".");
            }
            if (length > png.length - pos - 12L) {
                throw InvalidCard.of("The PNG is truncated inside its " + type + " chunk.");
            }
            if (length > maxChunkBytes) {
                throw InvalidCard.tooLarge("The PNG's " + type + " chunk is larger than " + maxChunkBytes + " bytes.");
            }
            int start = pos + 8;
            int len = (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + len);
            int stored = ByteBuffer.wrap(png, start + len, 4).getInt();
            if ((int) crc.getValue() != stored) {
                throw InvalidCard.of("The PNG's " + type + " chunk is corrupt (CRC mismatch).");
            }
            if (!visitor.visit(type, start, len) || "IEND".equals(type)) {
                return;
            }
            pos = start + len + 4;
        }
    }

    private static String keyword(byte[] png, int start, int length) {
        int nul = indexOf(png, (byte) 0, start, start + length);
        return nul < 0 ? "" : new String(png, start, nul - start, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
