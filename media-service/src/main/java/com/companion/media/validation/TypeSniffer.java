package com.companion.media.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a file is from its bytes alone, with Tika's magic-byte database: neither the file
 * name nor a declared type is ever shown to the detector.
 */
final class TypeSniffer {

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            Map.entry("image/png", Format.PNG),
            Map.entry("image/jpeg", Format.JPEG),
            Map.entry("image/gif", Format.GIF),
            Map.entry("image/webp", Format.WEBP),
            Map.entry("audio/mpeg", Format.MP3),
            Map.entry("audio/x-aac", Format.AAC),
            Map.entry("audio/aac", Format.AAC),
            Map.entry("audio/mp4", Format.M4A),
            Map.entry("audio/x-m4a", Format.M4A),
            Map.entry("audio/ogg", Format.OGG),
            Map.entry("audio/vorbis", Format.OGG),
            Map.entry("audio/opus", Format.OGG),
            Map.entry("audio/vnd.wave", Format.WAV),
            Map.entry("audio/x-wav", Format.WAV),
            Map.entry("audio/wav", Format.WAV),
            Map.entry("audio/x-flac", Format.FLAC),
            Map.entry("audio/flac", Format.FLAC),
            Map.entry("application/pdf", Format.PDF),
            Map.entry("text/plain", Format.TEXT));

    /** Matroska-family types; only a file whose EBML header says DocType "webm" is WebM audio. */
    private static final Set<String> MATROSKA = Set.of("application/x-matroska", "video/webm", "audio/webm");

    /** Types a browser or a shell runs, whatever the kind. */
    private static final Set<MediaType> ACTIVE_ROOTS = Set.of(
            MediaType.APPLICATION_XML,
            MediaType.TEXT_HTML,
            MediaType.parse("application/xhtml+xml"),
            MediaType.parse("application/javascript"),
            MediaType.parse("text/javascript"),
            MediaType.parse("application/x-sh"),
            MediaType.parse("application/x-httpd-php"));

    private TypeSniffer() {}

    static Detection detect(byte[] bytes) {
        MediaType detected;
        try {
            detected = REGISTRY.normalize(TIKA.detect(new ByteArrayInputStream(bytes), new Metadata()))
                    .getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = detected.toString();
        Format format = FORMATS.get(name);
        if (format == null && MATROSKA.contains(name) && isWebm(bytes)) {
            format = Format.WEBM_AUDIO;
        }
        return new Detection(name, format, format == null && isActive(detected));
    }

    private static boolean isActive(MediaType type) {
        for (MediaType root : ACTIVE_ROOTS) {
            if (type.equals(root) || REGISTRY.isSpecializationOf(type, root)) {
                return true;
            }
        }
        // source code of any language: text/x-php, text/x-python, ...
        return REGISTRY.isSpecializationOf(type, MediaType.TEXT_PLAIN);
    }

    /** The EBML header's DocType element (0x4282, four bytes long) reads "webm". */
    private static boolean isWebm(byte[] bytes) {
        byte[] docType = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
        int end = Math.min(bytes.length, 64) - docType.length;
        for (int i = 4; i <= end; i++) {
            int j = 0;
            while (j < docType.length && bytes[i + j] == docType[j]) {
                j++;
            }
            if (j == docType.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param detectedType the MIME type the bytes have, as Tika names it
     * @param format the accepted format it is, or null
     * @param active whether it is markup or a script (SVG, HTML, XML, JavaScript, shell, ...)
     */
    record Detection(String detectedType, @Nullable Format format, boolean active) {}
}
