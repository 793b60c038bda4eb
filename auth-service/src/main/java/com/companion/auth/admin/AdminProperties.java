package com.companion.auth.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin account ensured at start, from {@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD} and
 * optionally {@code ADMIN_USERNAME}; nothing happens unless both email and password are set.
 */
@ConfigurationProperties("auth.admin")
public record AdminProperties(String email, String password, String username) {

    boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", username=" + username + ", password=<hidden>]";
    }
}
