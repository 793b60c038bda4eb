package com.companion.auth.admin;

import com.companion.contracts.Plan;
import jakarta.validation.constraints.NotNull;

public record PlanRequest(@NotNull Plan plan) {}
