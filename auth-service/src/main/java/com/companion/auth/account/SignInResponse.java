package com.companion.auth.account;

import com.companion.auth.session.IssuedTokens;

/** The answer to a sign-up or a login: the account and the tokens of its new device session. */
public record SignInResponse(UserProfile user, String accessToken, String refreshToken, long expiresIn) {

    static SignInResponse of(UserProfile user, IssuedTokens tokens) {
        return new SignInResponse(user, tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn());
    }
}
