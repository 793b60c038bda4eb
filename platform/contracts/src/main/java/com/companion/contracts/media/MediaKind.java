package com.companion.contracts.media;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum MediaKind {
    @JsonProperty("avatar")
    AVATAR,
    @JsonProperty("image")
    IMAGE,
    @JsonProperty("audio")
    AUDIO,
    @JsonProperty("other")
    OTHER
}
