package com.companion.auth.account;

import com.companion.auth.account.internal.FieldProblems;
import com.companion.auth.account.internal.FieldTaken;
import com.companion.auth.account.internal.MinorAgeFloor;
import com.companion.auth.account.internal.PasswordHasher;
import com.companion.auth.account.internal.PasswordPolicy;
import com.companion.auth.account.internal.PhoneNumbers;
import com.companion.auth.account.internal.UserEvents;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.account.internal.UserStore.NewUser;
import com.companion.auth.account.internal.Usernames;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.auth.session.AdulthoodPropagation;
import com.companion.auth.session.SessionSubject;
import com.companion.auth.session.Sessions;
import com.companion.contracts.Plan;
import com.companion.platform.web.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up and the owner's own account. Passwords are hashed before a transaction opens, so no
 * database connection waits on Argon2.
 */
@Service
class AccountService {

    private final UserStore users;
    private final UserEvents events;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final PhoneNumbers phones;
    private final Credentials credentials;
    private final Sessions sessions;
    private final SecurityAudit audit;
    private final EmailService emails;
    private final AccountMail mail;
    private final ApplicationEventPublisher effects;
    private final Clock clock;
    private final AdulthoodPropagation propagation;
    private final TransactionTemplate transaction;
    private final MinorAgeFloor minorAgeFloor;

    AccountService(
            UserStore users,
            UserEvents events,
            PasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            PhoneNumbers phones,
            Credentials credentials,
            Sessions sessions,
            SecurityAudit audit,
            EmailService emails,
            AccountMail mail,
            ApplicationEventPublisher effects,
            Clock clock,
            PlatformTransactionManager transactionManager,
            AdulthoodPropagation propagation,
            MinorAgeFloor minorAgeFloor) {
        this.minorAgeFloor = minorAgeFloor;
        this.propagation = propagation;
        this.emails = emails;
        this.mail = mail;
        this.effects = effects;
        this.users = users;
        this.events = events;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.phones = phones;
        this.credentials = credentials;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    SignInResponse signup(SignupRequest request, ClientInfo client) {
        String username = request.username().strip();
        if (Usernames.reserved(username)) {
            throw FieldProblems.invalid("username", "is reserved; choose another");
        }
        String email = request.email().strip();
        String phone = phones.toE164(request.phoneNumber())
                .orElseThrow(() -> FieldProblems.invalid("phone_number", "must be a valid phone number"));
        passwordPolicy.problem(request.password(), username, email).ifPresent(problem -> {
            throw FieldProblems.invalid("password", problem);
        });
        // The email or phone of a minor's deleted account signs up again as an adult only once that person would
        // be 18: deleting the account is no way around "an age may only go down".
        if (request.age() >= 18
                && minorAgeFloor.minorAgeToday(email, phone, clock.instant()).isPresent()) {
            audit.record(
                    SecurityEvent.AGE_CHANGE_REFUSED,
                    null,
                    client,
                    Map.of("requested", request.age(), "reason", "signup_after_minor_account_deleted"));
            throw ageChangeNeedsVerification();
        }
        String passwordHash = hasher.hash(request.password());
        try {
            return transaction.execute(status -> {
                Instant now = clock.instant();
                UserRow user = users.insert(new NewUser(
                        UUID.randomUUID(),
                        username,
                        email,
                        phone,
                        request.firstName().strip(),
                        request.lastName().strip(),
                        Gender.fromWire(request.gender()),
                        request.age(),
                        UserRow.adultAt(request.age()),
                        Plan.FREE,
                        List.of(UserRow.ROLE_USER),
                        passwordHash,
                        now));
                events.registered(user);
                emails.sendVerification(user);
                audit.record(SecurityEvent.SIGNUP, user.id(), client);
                SessionSubject subject =
                        new SessionSubject(user.id(), user.username(), user.plan(), user.isAdult(), user.roles());
                return SignInResponse.of(UserProfile.of(user, now), sessions.start(subject, client));
            });
        } catch (FieldTaken taken) {
            throw FieldProblems.taken(taken.field());
        }
    }

    UserProfile profile(UUID userId) {
        return users.find(userId)
                .map(user -> UserProfile.of(user, clock.instant()))
                .orElseThrow(() -> ApiProblem.notFound("account"));
    }

    /**
     * A new age is compared with the age today (the stated age plus the years since), so that a
     * birthday since the statement is not taken for a raise and an old statement cannot be topped
     * up. The same age is no change; an account that never stated one (the bootstrapped admin,
     * already adult) may state any.
     */
    UserProfile update(UUID userId, ProfilePatch patch, ClientInfo client) {
        String username = patch.username() == null ? null : patch.username().strip();
        if (username != null && Usernames.reserved(username)) {
            throw FieldProblems.invalid("username", "is reserved; choose another");
        }
        String phone = patch.phoneNumber() == null
                ? null
                : phones.toE164(patch.phoneNumber())
                        .orElseThrow(() -> FieldProblems.invalid("phone_number", "must be a valid phone number"));
        AtomicBoolean becameMinor = new AtomicBoolean();
        try {
            UserProfile updated = transaction.execute(status -> {
                Instant now = clock.instant();
                UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("account"));
                Integer currentAge = user.currentAge(now);
                if (patch.age() != null && currentAge != null && patch.age() > currentAge) {
                    throw new AgeRaiseRefused(currentAge, patch.age());
                }
                boolean ageCorrected = patch.age() != null && !patch.age().equals(currentAge);
                UserRow changed = new UserRow(
                        user.id(),
                        user.username(),
                        user.email(),
                        phone == null ? user.phoneNumber() : phone,
                        patch.firstName() == null
                                ? user.firstName()
                                : patch.firstName().strip(),
                        patch.lastName() == null
                                ? user.lastName()
                                : patch.lastName().strip(),
                        patch.gender() == null ? user.gender() : Gender.fromWire(patch.gender()),
                        ageCorrected ? patch.age() : user.age(),
                        ageCorrected ? now : user.ageGivenAt(),
                        ageCorrected ? UserRow.adultAt(patch.age()) : user.isAdult(),
                        user.plan(),
                        user.roles(),
                        user.status(),
                        user.passwordHash(),
                        user.createdAt(),
                        user.emailVerified(),
                        user.persona());
                UserRow saved = users.updateProfile(changed, now);
                List<String> published = new java.util.ArrayList<>();
                if (username != null && !username.equals(user.username())) {
                    saved = users.updateUsername(userId, username, now);
                    published.add(UserEvents.USERNAME);
                    audit.record(
                            SecurityEvent.USERNAME_CHANGED,
                            userId,
                            client,
                            Map.of("from", user.username(), "to", username));
                }
                if (saved.isAdult() != user.isAdult()) {
                    published.add(UserEvents.IS_ADULT);
                }
                if (!published.isEmpty()) {
                    events.updated(saved, published);
                }
                if (saved.isAdult() != user.isAdult()) {
                    audit.record(
                            SecurityEvent.ADULT_FLAG_CHANGE,
                            userId,
                            client,
                            Map.of("is_adult", saved.isAdult(), "reason", "age_corrected"));
                }
                becameMinor.set(user.isAdult() && !saved.isAdult());
                return UserProfile.of(saved, now);
            });
            if (becameMinor.get()) {
                // The token the caller holds still says adult: answer once the services that show adult content
                // know otherwise, so that the caller's next request does not see it.
                propagation.awaitApplied(userId);
            }
            return updated;
        } catch (FieldTaken taken) {
            throw FieldProblems.taken(taken.field());
        } catch (AgeRaiseRefused refused) {
            // Recorded after the rollback, so the attempt is kept while nothing else is written.
            audit.record(
                    SecurityEvent.AGE_CHANGE_REFUSED,
                    userId,
                    client,
                    Map.of("from", refused.currentAge(), "requested", refused.requested()));
            throw ageChangeNeedsVerification();
        }
    }

    /** A raise of one's own age, refused inside the profile transaction and answered outside it. */
    private static final class AgeRaiseRefused extends RuntimeException {

        private final int currentAge;
        private final int requested;

        AgeRaiseRefused(int currentAge, int requested) {
            super(null, null, false, false);
            this.currentAge = currentAge;
            this.requested = requested;
        }

        int currentAge() {
            return currentAge;
        }

        int requested() {
            return requested;
        }
    }

    /**
     * An owner may only correct an age downwards: a stated age that could be raised at will would
     * let a minor make themselves an adult. Raising it takes an admin who has verified it.
     */
    private static ApiProblem ageChangeNeedsVerification() {
        return new ApiProblem(
                HttpStatus.FORBIDDEN,
                "age-change-needs-verification",
                "Forbidden",
                "Your age can only be lowered here. To raise it, contact support to have your age verified.");
    }

    void delete(UUID userId, String password, ClientInfo client) {
        switch (credentials.check(userId, password, client)) {
            case Credentials.Valid valid ->
                transaction.executeWithoutResult(status -> {
                    UserRow user = users.findForUpdate(userId).orElse(null);
                    if (user != null) {
                        effects.publishEvent(new AccountDeleting(userId));
                    }
                    if (user != null && users.delete(userId)) {
                        Integer age = user.currentAge(clock.instant());
                        if (age != null && age < 18) {
                            minorAgeFloor.record(user.email(), user.phoneNumber(), age, clock.instant());
                        }
                        events.deleted(userId);
                        mail.accountDeleted(user, clock.instant());
                        audit.record(SecurityEvent.ACCOUNT_DELETED, userId, client);
                    }
                });
            case Credentials.Locked locked -> {
                audit.record(SecurityEvent.ACCOUNT_DELETION_REFUSED, userId, client, Map.of("reason", "locked"));
                throw Problems.locked(locked.until());
            }
            case Credentials.Invalid invalid -> {
                audit.record(
                        SecurityEvent.ACCOUNT_DELETION_REFUSED, userId, client, Map.of("reason", "wrong_password"));
                throw new ApiProblem(
                        HttpStatus.FORBIDDEN, "wrong-password", "Forbidden", "The password is not correct.");
            }
        }
    }
}
