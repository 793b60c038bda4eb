package com.companion.media.validation;

import com.companion.contracts.media.MediaKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file formats media accepts, each named by its canonical MIME type. Which of them a kind
 * allows is {@link #allowedFor(MediaKind)}; what a format is stored as is {@link #storedAs()}.
 */
public enum Format {
    PNG("image/png", "png", Family.IMAGE, List.of()),
    JPEG("image/jpeg", "jpg", Family.IMAGE, List.of("image/jpg", "image/pjpeg")),
    GIF("image/gif", "gif", Family.IMAGE, List.of()),
    WEBP("image/webp", "webp", Family.IMAGE, List.of()),
    MP3("audio/mpeg", "mp3", Family.AUDIO, List.of("audio/mp3", "audio/mpeg3")),
    AAC("audio/aac", "aac", Family.AUDIO, List.of("audio/x-aac")),
    M4A("audio/mp4", "m4a", Family.AUDIO, List.of("audio/x-m4a", "audio/m4a")),
    OGG("audio/ogg", "ogg", Family.AUDIO, List.of("audio/opus", "audio/vorbis")),
    WAV("audio/wav", "wav", Family.AUDIO, List.of("audio/x-wav", "audio/wave", "audio/vnd.wave")),
    WEBM_AUDIO("audio/webm", "webm", Family.AUDIO, List.of()),
    FLAC("audio/flac", "flac", Family.AUDIO, List.of("audio/x-flac")),
    PDF("application/pdf", "pdf", Family.DOCUMENT, List.of()),
    TEXT("text/plain", "txt", Family.DOCUMENT, List.of());

    enum Family {
        IMAGE,
        AUDIO,
        DOCUMENT
    }

    private static final Set<Format> IMAGES = EnumSet.of(PNG, JPEG, GIF, WEBP);
    private static final Set<Format> AUDIO = EnumSet.of(MP3, AAC, M4A, OGG, WAV, WEBM_AUDIO, FLAC);
    private static final Set<Format> DOCUMENTS = EnumSet.of(PDF, TEXT);

    private final String mimeType;
    private final String extension;
    private final Family family;
    private final List<String> aliases;

    Format(String mimeType, String extension, Family family, List<String> aliases) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.family = family;
        this.aliases = aliases;
    }

    public static Set<Format> allowedFor(MediaKind kind) {
        return switch (kind) {
            case AVATAR, IMAGE -> IMAGES;
            case AUDIO -> AUDIO;
            case OTHER -> DOCUMENTS;
        };
    }

    /** The format a client names with a Content-Type (parameters such as charset ignored). */
    public static Optional<Format> byContentType(String contentType) {
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.mimeType.equals(bare) || format.aliases.contains(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return family == Family.IMAGE;
    }

    /**
     * Images are decoded and written anew: PNG and JPEG keep their format; GIF and WebP become PNG
     * (the JDK writes neither WebP nor, losslessly for every input, GIF; animation keeps its first
     * frame). Other formats are stored as they came.
     */
    public Format storedAs() {
        return this == GIF || this == WEBP ? PNG : this;
    }

    /** The Content-Type the stored object is served with. */
    public String contentType() {
        return this == TEXT ? "text/plain; charset=utf-8" : mimeType;
    }

    /**
     * Images are shown inline; everything else downloads, so a browser never renders it as a page
     * even when it mis-sniffs it.
     */
    public String contentDisposition(String fileName) {
        return (isImage() ? "inline" : "attachment") + "; filename=\"" + fileName + "\"";
    }
}
