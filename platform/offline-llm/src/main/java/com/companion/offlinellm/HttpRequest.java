package com.companion.offlinellm;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One parsed HTTP/1.x request. Header names are lower-case. */
record HttpRequest(String method, String path, String query, String version, Map<String, String> headers, byte[] body) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean wantsKeepAlive() {
        String connection = header("connection");
        String tokens = connection == null ? "" : connection.toLowerCase(java.util.Locale.ROOT);
        if ("HTTP/1.0".equals(version)) {
            return tokens.contains("keep-alive");
        }
        return !tokens.contains("close");
    }
}
