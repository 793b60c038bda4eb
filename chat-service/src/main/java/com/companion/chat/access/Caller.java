package com.companion.chat.access;

import com.companion.contracts.Plan;
import java.util.UUID;

/**
 * The caller as chat decides with: the token's claims, tightened by the users read model (a
 * user corrected to a minor, or a plan changed a moment ago, counts at once).
 */
public record Caller(UUID userId, Plan plan, boolean adult) {}
