package com.companion.auth.admin;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.AccountAdministration.AdminAccount;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Ensures the configured admin account exists at every start; safe on several instances at once. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private final AdminProperties properties;
    private final AccountAdministration administration;

    AdminBootstrap(AdminProperties properties, AccountAdministration administration) {
        this.properties = properties;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.configured()) {
            administration.ensureAdmin(new AdminAccount(
                    properties.email(),
                    properties.password(),
                    properties.username() == null || properties.username().isBlank() ? null : properties.username()));
        }
    }
}
