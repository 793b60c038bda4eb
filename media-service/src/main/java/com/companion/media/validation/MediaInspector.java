package com.companion.media.validation;

import com.companion.contracts.media.MediaKind;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The validation pipeline every file goes through, whichever way it was uploaded. In order:
 * <ol>
 *   <li>size against the kind's limit (the caller has already bounded what it read);
 *   <li>type from the bytes (Tika magic), never from the name or a declared type; markup and
 *       scripts (SVG, HTML, XML, JavaScript, shell, source code) are refused outright;
 *   <li>the type must be one the kind allows;
 *   <li>no markup in the first kilobyte, where browsers sniff;
 *   <li>images: the container is walked and must end where the format ends (no trailing zip,
 *       script or second file), with no markup in its metadata; the header's pixel count is
 *       bounded before decoding; the pixels are decoded and written anew with a thumbnail;
 *   <li>audio and documents are stored as they came, so the whole file is scanned for markup,
 *       and documents meet {@link DocumentRules}.
 * </ol>
 * Any failure throws the problem that explains it.
 */
@Component
public class MediaInspector {

    private static final int SNIFF_WINDOW = 1024;

    private final ValidationProperties properties;
    private final ImageSanitizer images;

    MediaInspector(ValidationProperties properties) {
        this.properties = properties;
        this.images = new ImageSanitizer(properties);
    }

    public InspectedMedia inspect(MediaKind kind, byte[] bytes) {
        long limit = properties.maxBytes(kind);
        if (bytes.length == 0) {
            throw Rejections.empty();
        }
        if (bytes.length > limit) {
            throw Rejections.tooLarge(limit);
        }
        TypeSniffer.Detection detection = TypeSniffer.detect(bytes);
        if (detection.active()) {
            throw Rejections.activeContent(detection.detectedType());
        }
        Set<Format> allowed = Format.allowedFor(kind);
        Format format = detection.format();
        if (format == null || !allowed.contains(format)) {
            throw Rejections.unsupported(detection.detectedType(), allowed);
        }
        refuseMarkup(bytes, 0, SNIFF_WINDOW, "markup at the start of the file");
        return format.isImage() ? image(format, bytes) : asUploaded(format, bytes);
    }

    private InspectedMedia image(Format format, byte[] bytes) {
        ImageLayout layout;
        try {
            layout = ImageLayout.of(format, bytes);
        } catch (Malformed e) {
            throw Rejections.invalid(format);
        }
        if (layout.hasTrailingData(bytes)) {
            throw Rejections.activeContent("data after the end of the image");
        }
        for (int[] segment : layout.metadata()) {
            refuseMarkup(bytes, segment[0], segment[0] + segment[1], "markup in image metadata");
        }
        ImageSanitizer.Clean clean = images.sanitize(format, bytes, layout.exif());
        return new InspectedMedia(
                format, format.storedAs(), clean.content(), clean.width(), clean.height(), clean.thumbnail());
    }

    private InspectedMedia asUploaded(Format format, byte[] bytes) {
        refuseMarkup(bytes, 0, bytes.length, "markup in the file");
        if (format == Format.TEXT && DocumentRules.checkText(bytes).isPresent()) {
            throw Rejections.invalid(format);
        }
        if (format == Format.PDF) {
            Optional<String> active;
            try {
                active = DocumentRules.checkPdf(bytes);
            } catch (Malformed e) {
                throw Rejections.invalid(format);
            }
            active.ifPresent(why -> {
                throw Rejections.activeContent(why);
            });
        }
        return new InspectedMedia(format, format, bytes, null, null, null);
    }

    private static void refuseMarkup(byte[] bytes, int from, int to, String where) {
        Markup.find(bytes, from, to).ifPresent(token -> {
            throw Rejections.activeContent(where + ": " + token);
        });
    }
}
