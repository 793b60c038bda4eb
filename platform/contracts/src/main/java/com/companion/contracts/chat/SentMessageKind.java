package com.companion.contracts.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of request for a reply a {@link MessageSent} records. */
public enum SentMessageKind {
    @JsonProperty("new")
    NEW,
    @JsonProperty("edit")
    EDIT,
    @JsonProperty("regenerate")
    REGENERATE,
    @JsonProperty("continue")
    CONTINUE
}
