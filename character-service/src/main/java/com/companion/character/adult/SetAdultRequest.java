package com.companion.character.adult;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

public record SetAdultRequest(@Nullable @NotNull Boolean enabled) {}
