package com.companion.platform.web.problem;

/** One invalid field of a request, named as the client wrote it (snake_case). */
public record FieldError(String field, String message) {}
