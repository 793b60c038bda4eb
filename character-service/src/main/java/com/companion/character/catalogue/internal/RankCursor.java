package com.companion.character.catalogue.internal;

import com.companion.character.core.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The cursor of a ranked list (popular, trending): how many rows came before. Opaque: base64url of {@code r1:<offset>}. */
final class RankCursor {

    static final int MAX_OFFSET = 10_000;
    private static final String VERSION = "r1";

    private RankCursor() {}

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + ":" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws com.companion.platform.web.problem.ApiProblem 400 naming {@code cursor} */
    static int decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 2 || !parts[0].equals(VERSION)) {
                throw invalid();
            }
            int offset = Integer.parseInt(parts[1]);
            if (offset < 0 || offset > MAX_OFFSET) {
                throw invalid();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return InvalidRequest.field("cursor", "is not a cursor of this list");
    }
}
