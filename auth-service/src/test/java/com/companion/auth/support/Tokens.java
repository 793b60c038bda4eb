package com.companion.auth.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** Reads a JWT's parts without verifying it (for assertions on what was issued). */
public final class Tokens {

    public static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    public static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonNode part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8));
    }

    private Tokens() {}
}
