package com.companion.chat.session;

import java.util.List;

/** A page of a list: {@code next_cursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
