package com.companion.auth.account.internal;

import com.companion.auth.session.SessionSubject;
import com.companion.auth.session.SessionSubjects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class AccountSubjects implements SessionSubjects {

    private final UserStore users;

    AccountSubjects(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<SessionSubject> findActive(UUID userId) {
        return users.find(userId).filter(UserRow::active).map(AccountSubjects::subject);
    }

    static SessionSubject subject(UserRow user) {
        return new SessionSubject(user.id(), user.username(), user.plan(), user.isAdult(), user.roles());
    }
}
