package com.companion.auth.account.internal;

import com.companion.auth.account.PasswordProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The minimum a password must meet: a length (in characters, after normalisation), a ceiling
 * that keeps hashing cheap to refuse, not on the shipped list of common passwords (compared
 * case-insensitively), and not built from the account's own username or email.
 */
@Component
public class PasswordPolicy {

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    PasswordPolicy(PasswordProperties properties) {
        this.minLength = properties.minLength();
        this.maxLength = properties.maxLength();
        this.common = load(properties);
    }

    private static Set<String> load(PasswordProperties properties) {
        Set<String> passwords = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(properties.commonList().getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(fold(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common password list " + properties.commonList(), e);
        }
        if (passwords.isEmpty()) {
            throw new IllegalStateException("the common password list " + properties.commonList() + " is empty");
        }
        return Set.copyOf(passwords);
    }

    public int commonPasswordCount() {
        return common.size();
    }

    /** Why the password is refused, as a message for the {@code password} field; empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null) {
            return Optional.empty();
        }
        String normalised = PasswordHasher.normalise(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters");
        }
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (common.contains(fold(normalised))) {
            return Optional.of("is one of the most common passwords; choose one that is harder to guess");
        }
        return Optional.empty();
    }

    /** {@link #problem(String)}, and also refuses a password that contains the username or the email's name. */
    public Optional<String> problem(String password, String username, String email) {
        Optional<String> problem = problem(password);
        if (problem.isPresent() || password == null) {
            return problem;
        }
        String folded = fold(PasswordHasher.normalise(password));
        String localPart = email == null ? null : email.substring(0, Math.max(0, email.indexOf('@')));
        for (String personal : new String[] {username, localPart}) {
            if (personal != null && personal.length() >= 4 && folded.contains(fold(personal))) {
                return Optional.of("must not contain your username or email");
            }
        }
        return Optional.empty();
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
