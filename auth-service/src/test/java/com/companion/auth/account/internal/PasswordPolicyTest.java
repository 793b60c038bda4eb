package com.companion.auth.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.account.PasswordProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PasswordPolicyTest {

    static PasswordProperties properties() {
        return new PasswordProperties(
                8,
                128,
                new ClassPathResource("passwords/common-passwords.txt"),
                new PasswordProperties.Argon2(8192, 1, 1),
                2,
                Duration.ofSeconds(5));
    }

    private final PasswordPolicy policy = new PasswordPolicy(properties());

    @Test
    void shipsSeveralThousandCommonPasswords() {
        assertThat(policy.commonPasswordCount()).isGreaterThan(5_000);
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problem("violet-harbour-lantern-7")).isEmpty();
        assertThat(policy.problem("ünïcødé-pässwörd-ok")).isEmpty();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThat(policy.problem("short1!")).contains("must be at least 8 characters");
        assertThat(policy.problem("ääääääää")).isEmpty();
        assertThat(policy.problem("x".repeat(129))).contains("must be at most 128 characters");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.problem("qwertyuiop"))
                .hasValueSatisfying(m -> assertThat(m).contains("common"));
        assertThat(policy.problem("QwErTyUiOp"))
                .hasValueSatisfying(m -> assertThat(m).contains("common"));
        assertThat(policy.problem("Password123"))
                .hasValueSatisfying(m -> assertThat(m).contains("common"));
        assertThat(policy.problem("1234567890"))
                .hasValueSatisfying(m -> assertThat(m).contains("common"));
    }

    @Test
    void refusesAPasswordBuiltFromTheUsernameOrEmail() {
        assertThat(policy.problem("mira_kapoor2024!", "mira_kapoor", "someone@example.com"))
                .contains("must not contain your username or email");
        assertThat(policy.problem("MIRA.K.1999-secret", "other_name", "mira.k.1999@example.com"))
                .contains("must not contain your username or email");
        assertThat(policy.problem("violet-harbour-lantern-7", "mira_kapoor", "mira@example.com"))
                .isEmpty();
    }
}
