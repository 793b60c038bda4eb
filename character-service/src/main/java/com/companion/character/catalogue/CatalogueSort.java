package com.companion.character.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The orders of the public catalogue. {@code popular}: chats in the last 7 days (distinct chat sessions
 * with a completed reply, per day). {@code trending}: chats per day over the last 2 days against the 5
 * days before, so a character people just started talking to rises above one that was always busy.
 */
public enum CatalogueSort {
    @JsonProperty("new")
    NEW,
    @JsonProperty("popular")
    POPULAR,
    @JsonProperty("trending")
    TRENDING
}
