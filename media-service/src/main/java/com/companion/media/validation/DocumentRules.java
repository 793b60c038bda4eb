package com.companion.media.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The conservative rules for the {@code other} kind, stored as uploaded and served as downloads:
 * plain text must be strict UTF-8 without control characters; a PDF must be one PDF (header at
 * byte 0, nothing after the last {@code %%EOF}) with no actions, scripts, forms, embedded files or
 * encryption that would hide them. Object streams are compressed and not inspected; the
 * attachment disposition and the store's own origin bound what a hidden script could reach.
 */
final class DocumentRules {

    private static final Set<String> ACTIVE_PDF_NAMES = Set.of(
            "JavaScript",
            "JS",
            "OpenAction",
            "AA",
            "Launch",
            "EmbeddedFile",
            "EmbeddedFiles",
            "RichMedia",
            "XFA",
            "AcroForm",
            "SubmitForm",
            "ImportData",
            "GoToE",
            "GoToR",
            "Sound",
            "Movie",
            "Encrypt");

    private DocumentRules() {}

    /** Why the text is refused, if it is. */
    static Optional<String> checkText(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return Optional.of("not UTF-8 text");
        }
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                return Optional.of("control characters in text");
            }
        }
        return Optional.empty();
    }

    /** Why the PDF is refused, if it is: {@code invalid} for structure, else the active name found. */
    static Optional<String> checkPdf(byte[] bytes) throws Malformed {
        if (!startsWith(bytes, "%PDF-1.") && !startsWith(bytes, "%PDF-2.")) {
            throw new Malformed("no PDF header at byte 0");
        }
        int eof = lastIndexOf(bytes, "%%EOF".getBytes(StandardCharsets.US_ASCII));
        if (eof < 0) {
            throw new Malformed("no %%EOF");
        }
        for (int i = eof + 5; i < bytes.length; i++) {
            if (!isWhitespace(bytes[i])) {
                return Optional.of("data after the end of the PDF");
            }
        }
        return activeName(bytes).map(name -> "PDF /" + name);
    }

    /** PDF names, with their #xx escapes decoded, compared with the active ones. */
    private static Optional<String> activeName(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '/') {
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            while (j < b.length && name.length() < 64 && isNameChar(b[j])) {
                if (b[j] == '#' && j + 2 < b.length && isHex(b[j + 1]) && isHex(b[j + 2])) {
                    name.append((char) Integer.parseInt(new String(b, j + 1, 2, StandardCharsets.US_ASCII), 16));
                    j += 3;
                } else {
                    name.append((char) b[j]);
                    j++;
                }
            }
            if (ACTIVE_PDF_NAMES.contains(name.toString())) {
                return Optional.of(name.toString());
            }
            i = j - 1;
        }
        return Optional.empty();
    }

    private static boolean isNameChar(byte b) {
        return b > 0x20 && b < 0x7F && "()<>[]{}/%".indexOf(b) < 0;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        return new String(b, 0, prefix.length(), StandardCharsets.US_ASCII)
                .toUpperCase(Locale.ROOT)
                .equals(prefix.toUpperCase(Locale.ROOT));
    }

    private static int lastIndexOf(byte[] b, byte[] token) {
        outer:
        for (int i = b.length - token.length; i >= 0; i--) {
            for (int j = 0; j < token.length; j++) {
                if (b[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
