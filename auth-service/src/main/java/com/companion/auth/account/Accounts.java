package com.companion.auth.account;

import com.companion.auth.account.internal.PhoneNumbers;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.account.internal.Usernames;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.session.SessionSubject;
import com.companion.auth.session.Sessions;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding an account by what a person types to sign in, and starting a session once they have. */
@Service
public class Accounts {

    private final UserStore users;
    private final PhoneNumbers phones;
    private final Sessions sessions;
    private final AccountMail mail;
    private final Clock clock;

    Accounts(UserStore users, PhoneNumbers phones, Sessions sessions, AccountMail mail, Clock clock) {
        this.mail = mail;
        this.users = users;
        this.phones = phones;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * An identifier with an {@code @} is an email; one that is a valid username (which always
     * holds a letter) is a username; anything else is read as a phone number in any common
     * format. One lookup either way.
     */
    public Optional<UUID> findIdByIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String typed = identifier.strip();
        if (typed.contains("@")) {
            return users.findIdByEmail(typed);
        }
        if (Usernames.valid(typed)) {
            return users.findIdByUsername(typed);
        }
        return phones.toE164(typed).flatMap(users::findIdByPhone);
    }

    /**
     * Starts a device session for an account whose password was just verified. A sign-in from a
     * user agent the account never signed in with (as far as kept sessions tell) is mailed to the
     * account's address.
     */
    @Transactional
    public Optional<SignInResponse> signIn(UUID userId, ClientInfo client) {
        return users.find(userId).filter(UserRow::active).map(user -> {
            boolean knownDevice = sessions.knownDevice(user.id(), client);
            SessionSubject subject =
                    new SessionSubject(user.id(), user.username(), user.plan(), user.isAdult(), user.roles());
            SignInResponse response =
                    SignInResponse.of(UserProfile.of(user, clock.instant()), sessions.start(subject, client));
            if (!knownDevice) {
                mail.newSignIn(user, client, clock.instant());
            }
            return response;
        });
    }
}
