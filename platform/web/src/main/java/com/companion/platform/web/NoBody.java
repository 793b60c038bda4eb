package com.companion.platform.web;

/**
 * The body of an endpoint that takes none: declared as {@code @RequestBody(required = false) @Nullable NoBody none},
 * it accepts no body or {@code {}} and answers anything else as every other endpoint does (an unknown field or
 * malformed JSON 400, another media type 415), instead of ignoring it.
 */
public record NoBody() {}
