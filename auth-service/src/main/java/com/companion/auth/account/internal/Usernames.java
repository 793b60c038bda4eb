package com.companion.auth.account.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Usernames are 3 to 50 of {@code [A-Za-z0-9_.-]}, kept as their owner typed them, and hold at
 * least one letter so that no username can also read as a phone number when someone logs in with
 * it. They are unique and looked up case-insensitively ({@code users_username_key} is on
 * {@code lower(username)}).
 */
public final class Usernames {

    public static final String REGEX = "^(?=.*[A-Za-z])[A-Za-z0-9_.-]{3,50}$";
    public static final String RULE = "must be 3 to 50 letters, digits, '_', '.' or '-', with at least one letter";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    /** Names that would let an account pass for the service's staff. */
    private static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "root",
            "system",
            "support",
            "help",
            "helpdesk",
            "security",
            "staff",
            "moderator",
            "mod",
            "official",
            "companion",
            "companion_team",
            "team",
            "null",
            "undefined",
            "me");

    public static boolean valid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    /** Whether the name, in any case, would let an account pass for staff. */
    public static boolean reserved(String username) {
        return RESERVED.contains(username.toLowerCase(Locale.ROOT));
    }

    private Usernames() {}
}
