package com.companion.media.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Finds markup and script that a browser would run: HTML/SVG/XML tags that render or execute,
 * and script URLs. Matching is ASCII case-insensitive. Every token is at least five bytes (a tag
 * name must be followed by a delimiter), so scanning compressed data for them almost never finds
 * one by chance (about once in 10^11 bytes per token).
 */
final class Markup {

    private static final List<String> TAGS = List.of(
            "script",
            "html",
            "body",
            "head",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "meta",
            "link",
            "style",
            "form",
            "img",
            "base",
            "xml",
            "xsl:stylesheet");

    private static final List<String> OPENERS = List.of("<!doctype", "<?php", "<?xml-stylesheet");

    private static final List<String> SCHEMES = List.of("javascript:", "vbscript:");

    private static final List<byte[]> TAG_BYTES = TAGS.stream()
            .map(t -> ("<" + t).getBytes(StandardCharsets.US_ASCII))
            .toList();
    private static final List<byte[]> OPENER_BYTES =
            OPENERS.stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final List<byte[]> SCHEME_BYTES =
            SCHEMES.stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();

    private Markup() {}

    /** The first active token in {@code bytes[from, to)}, if any. */
    static Optional<String> find(byte[] bytes, int from, int to) {
        int end = Math.min(to, bytes.length);
        for (int i = Math.max(0, from); i < end; i++) {
            byte b = bytes[i];
            if (b == '<') {
                for (byte[] tag : TAG_BYTES) {
                    if (matches(bytes, i, end, tag) && i + tag.length < end && isDelimiter(bytes[i + tag.length])) {
                        return Optional.of(new String(tag, StandardCharsets.US_ASCII));
                    }
                }
                for (byte[] opener : OPENER_BYTES) {
                    if (matches(bytes, i, end, opener)) {
                        return Optional.of(new String(opener, StandardCharsets.US_ASCII));
                    }
                }
            } else if ((b | 0x20) == 'j' || (b | 0x20) == 'v') {
                for (byte[] scheme : SCHEME_BYTES) {
                    if (matches(bytes, i, end, scheme)) {
                        return Optional.of(new String(scheme, StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> find(byte[] bytes) {
        return find(bytes, 0, bytes.length);
    }

    private static boolean matches(byte[] bytes, int at, int end, byte[] token) {
        if (at + token.length > end) {
            return false;
        }
        for (int j = 0; j < token.length; j++) {
            byte actual = bytes[at + j];
            byte expected = token[j];
            if (actual != expected && !(isLetter(expected) && (actual | 0x20) == expected)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(byte b) {
        return b >= 'a' && b <= 'z';
    }

    private static boolean isDelimiter(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '>' || b == '/';
    }
}
