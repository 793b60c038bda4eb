package com.companion.auth.token;

import java.time.Instant;

/** A signed access token, and how many seconds it is valid for. */
public record IssuedAccessToken(String token, long expiresIn, Instant expiresAt) {}
