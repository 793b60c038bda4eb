package com.companion.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.auth.account.internal.Usernames;
import org.junit.jupiter.api.Test;

class AdminUsernameTest {

    @Test
    void derivesValidUsernamesFromTheEmail() {
        assertThat(AccountAdministration.usernameCandidates("Root.Admin@example.com"))
                .first()
                .isEqualTo("root.admin");
        assertThat(AccountAdministration.usernameCandidates("12345@example.com"))
                .allSatisfy(candidate -> assertThat(Usernames.valid(candidate)).isTrue());
        assertThat(AccountAdministration.usernameCandidates("a+b-c@example.com"))
                .allSatisfy(candidate -> assertThat(Usernames.valid(candidate)).isTrue());
        assertThat(AccountAdministration.usernameCandidates("x".repeat(60) + "@example.com"))
                .allSatisfy(candidate -> assertThat(Usernames.valid(candidate)).isTrue())
                .doesNotHaveDuplicates();
    }
}
