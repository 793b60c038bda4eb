package com.companion.media.validation;

import com.companion.platform.web.problem.ApiProblem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a file is refused, as problems. Details never echo what the client sent (its name, its
 * declared type); the detected type comes from Tika's fixed registry.
 */
public final class Rejections {

    private Rejections() {}

    public static ApiProblem tooLarge(long limitBytes) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Content Too Large",
                "The file is larger than the " + limitBytes + " bytes allowed for this kind.",
                Map.of("limit_bytes", limitBytes));
    }

    public static ApiProblem empty() {
        return ApiProblem.badRequest("empty-file", "The file is empty.");
    }

    public static ApiProblem unsupported(String detectedType, Collection<Format> allowed) {
        return new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported Media Type",
                "The file's content is " + detectedType + ", which this kind does not accept.",
                Map.of("detected_type", detectedType, "allowed_types", mimeTypes(allowed)));
    }

    public static ApiProblem unsupportedDeclared(Collection<Format> allowed) {
        return new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported Media Type",
                "This kind does not accept that content type.",
                Map.of("allowed_types", mimeTypes(allowed)));
    }

    /** Markup, script, SVG, or a file that is two formats at once. */
    public static ApiProblem activeContent(String why) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "active-content",
                "Unprocessable Content",
                "The file carries content a browser could run (" + why + "); it is refused.");
    }

    public static ApiProblem tooManyPixels(long width, long height, long maxPixels) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "image-too-large",
                "Unprocessable Content",
                "The image is " + width + "x" + height + " pixels; at most " + maxPixels + " pixels are allowed.",
                Map.of("width", width, "height", height, "max_pixels", maxPixels));
    }

    public static ApiProblem invalid(Format format) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-file",
                "Unprocessable Content",
                "The file is not a well-formed " + format.mimeType() + " file.");
    }

    public static ApiProblem typeMismatch() {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "type-mismatch",
                "Unprocessable Content",
                "The uploaded content is not of the type declared for this upload.");
    }

    public static ApiProblem busy() {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "Service Unavailable",
                "Too many images are being processed; please try again shortly.");
    }

    private static List<String> mimeTypes(Collection<Format> formats) {
        return formats.stream().map(Format::mimeType).distinct().sorted().toList();
    }
}
