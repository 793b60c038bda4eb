package com.companion.auth.session;

/** A fresh access token and the refresh token that replaces the one presented (or starts the session). */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn) {}
