package com.companion.auth.account;

import com.companion.auth.account.internal.FieldTaken;
import com.companion.auth.account.internal.PasswordHasher;
import com.companion.auth.account.internal.PasswordPolicy;
import com.companion.auth.account.internal.UserEvents;
import com.companion.auth.account.internal.UserRow;
import com.companion.auth.account.internal.UserStore;
import com.companion.auth.account.internal.UserStore.NewUser;
import com.companion.auth.account.internal.Usernames;
import com.companion.auth.audit.ClientInfo;
import com.companion.auth.audit.ModerationAudit;
import com.companion.auth.audit.ModerationAudit.AdminAction;
import com.companion.auth.audit.SecurityAudit;
import com.companion.auth.audit.SecurityEvent;
import com.companion.auth.session.AdulthoodPropagation;
import com.companion.auth.session.Sessions;
import com.companion.contracts.Plan;
import com.companion.contracts.auth.UserStatus;
import com.companion.platform.web.problem.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What an administrator (or the service at start) does to accounts. */
@Service
public class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The admin account to ensure; {@code username} null derives one from the email. */
    public record AdminAccount(String email, String password, String username) {

        @Override
        public String toString() {
            return "AdminAccount[email=" + email + ", username=" + username + ", password=<hidden>]";
        }
    }

    private final UserStore users;
    private final UserEvents events;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Sessions sessions;
    private final SecurityAudit audit;
    private final ModerationAudit moderationAudit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AdulthoodPropagation propagation;

    AccountAdministration(
            UserStore users,
            UserEvents events,
            PasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            Sessions sessions,
            SecurityAudit audit,
            ModerationAudit moderationAudit,
            Clock clock,
            PlatformTransactionManager transactionManager,
            AdulthoodPropagation propagation) {
        this.users = users;
        this.events = events;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.audit = audit;
        this.moderationAudit = moderationAudit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.propagation = propagation;
    }

    /** Whether an account exists (billing ignores events about deleted accounts). */
    public boolean exists(UUID userId) {
        return users.find(userId).isPresent();
    }

    /** The account's plan and email, for billing; empty for an unknown account. */
    public Optional<BillingAccount> billingAccount(UUID userId) {
        return users.find(userId).map(user -> new BillingAccount(user.id(), user.email(), user.plan()));
    }

    public record BillingAccount(UUID id, String email, Plan plan) {}

    /** The account's profile as its owner sees it (for a data export); empty for an unknown account. */
    public Optional<UserProfile> profile(UUID userId) {
        return users.find(userId).map(user -> UserProfile.of(user, clock.instant()));
    }

    /**
     * Sets a user's plan; publishes {@code UserUpdated} only when it changes, and then, when an administrator set it
     * ({@code actorId}; billing passes null), the moderation audit entry. 404 for an unknown user.
     */
    public UserProfile changePlan(UUID actorId, UUID userId, Plan plan, ClientInfo client) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("user"));
            if (user.plan() == plan) {
                return UserProfile.of(user, now);
            }
            UserRow updated = users.updatePlan(userId, plan, now);
            events.updated(updated, List.of(UserEvents.PLAN));
            audit.record(
                    SecurityEvent.PLAN_CHANGE,
                    userId,
                    actorId,
                    client,
                    Map.of("from", user.plan().wire(), "to", plan.wire()));
            if (actorId != null) {
                moderationAudit.record(UUID.randomUUID(), AdminAction.PLAN_SET, userId, actorId, null);
            }
            return UserProfile.of(updated, now);
        });
    }

    /**
     * Bans an account: disabled (sign-in and refresh refused, every read model told by {@code UserUpdated} with
     * {@code changed: ["status"]}), every device session ended (each published, so open sockets close). Audited
     * with the admin and the reason, and published to the moderation audit. Banning a banned account changes
     * nothing; an admin cannot ban an admin.
     */
    public UserProfile ban(UUID actorId, UUID userId, String reason, ClientInfo client) {
        return transaction.execute(status -> {
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("user"));
            if (user.roles().contains(UserRow.ROLE_ADMIN)) {
                throw ApiProblem.conflict("admin-account", "An administrator's account cannot be banned.");
            }
            return UserProfile.of(disable(user, UUID.randomUUID(), actorId, reason, client), clock.instant());
        });
    }

    /** What became of a ban requested by an administrator elsewhere (a report resolved in chat-service). */
    public enum RequestedBan {
        BANNED,
        ALREADY_BANNED,
        UNKNOWN_USER,
        ADMINISTRATOR
    }

    /**
     * A ban an administrator decided on a report, carried out as {@link #ban} does, audited with that admin and
     * reason and published to the moderation audit under {@code actionId}. An unknown account or an administrator's
     * is left alone (answered, not thrown: the request can never succeed). Joins the caller's transaction.
     */
    public RequestedBan banRequested(UUID actionId, UUID adminId, UUID userId, String reason) {
        return transaction.execute(status -> {
            Optional<UserRow> found = users.findForUpdate(userId);
            if (found.isEmpty()) {
                return RequestedBan.UNKNOWN_USER;
            }
            UserRow user = found.get();
            if (user.roles().contains(UserRow.ROLE_ADMIN)) {
                return RequestedBan.ADMINISTRATOR;
            }
            if (user.status() == UserStatus.DISABLED) {
                return RequestedBan.ALREADY_BANNED;
            }
            disable(user, actionId, adminId, reason, ClientInfo.SYSTEM);
            return RequestedBan.BANNED;
        });
    }

    /** Disables a locked account that is not an administrator's; nothing when it is disabled already. */
    private UserRow disable(UserRow user, UUID actionId, UUID actorId, String reason, ClientInfo client) {
        if (user.status() == UserStatus.DISABLED) {
            return user;
        }
        UUID userId = user.id();
        UserRow banned = users.updateStatus(userId, UserStatus.DISABLED, clock.instant());
        events.updated(banned, List.of(UserEvents.STATUS));
        int ended = sessions.revokeAll(userId, "banned");
        audit.record(
                SecurityEvent.ACCOUNT_BANNED,
                userId,
                actorId,
                client,
                Map.of("reason", reason.strip(), "sessions_ended", ended));
        moderationAudit.record(actionId, AdminAction.BANNED, userId, actorId, reason.strip());
        return banned;
    }

    /** Lifts a ban: the account is active again (published the same way); its ended sessions stay ended. */
    public UserProfile unban(UUID actorId, UUID userId, String reason, ClientInfo client) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("user"));
            if (user.status() == UserStatus.ACTIVE) {
                return UserProfile.of(user, now);
            }
            UserRow lifted = users.updateStatus(userId, UserStatus.ACTIVE, now);
            events.updated(lifted, List.of(UserEvents.STATUS));
            audit.record(SecurityEvent.ACCOUNT_UNBANNED, userId, actorId, client, Map.of("reason", reason.strip()));
            moderationAudit.record(UUID.randomUUID(), AdminAction.UNBANNED, userId, actorId, reason.strip());
            return UserProfile.of(lifted, now);
        });
    }

    /**
     * Sets a user's age, as an admin does once it has been verified, which is the only way an age
     * goes up. Audited with who, from what, to what and why. The adult flag follows the new age
     * and, when it changes, {@code UserUpdated} is published as for an owner's correction, so the
     * user's next refresh and every read model carry it. The age the user has today is no change.
     * 404 for an unknown user.
     */
    public UserProfile changeAge(UUID actorId, UUID userId, int age, String reason, ClientInfo client) {
        AtomicBoolean becameMinor = new AtomicBoolean();
        UserProfile changed = transaction.execute(status -> {
            Instant now = clock.instant();
            UserRow user = users.findForUpdate(userId).orElseThrow(() -> ApiProblem.notFound("user"));
            Integer currentAge = user.currentAge(now);
            if (currentAge != null && currentAge == age) {
                return UserProfile.of(user, now);
            }
            UserRow updated = users.updateAge(userId, age, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", currentAge);
            details.put("to", age);
            details.put("reason", reason.strip());
            details.put("is_adult", updated.isAdult());
            audit.record(SecurityEvent.AGE_CHANGE, userId, actorId, client, details);
            moderationAudit.record(UUID.randomUUID(), AdminAction.AGE_SET, userId, actorId, reason.strip());
            if (updated.isAdult() != user.isAdult()) {
                becameMinor.set(!updated.isAdult());
                events.updated(updated, List.of(UserEvents.IS_ADULT));
                audit.record(
                        SecurityEvent.ADULT_FLAG_CHANGE,
                        userId,
                        actorId,
                        client,
                        Map.of("is_adult", updated.isAdult(), "reason", "age_set_by_admin"));
            }
            return UserProfile.of(updated, now);
        });
        if (becameMinor.get()) {
            // As for the user's own correction: the token the user holds may still say adult until the services
            // that show adult content have applied the change (no wait when nobody reads it yet).
            propagation.awaitApplied(userId);
        }
        return changed;
    }

    /**
     * Creates the configured admin account, or makes the account with that email the admin (only
     * when that account verified the address; see {@link #promote}; null is answered then):
     * admin role, adult, premium, active, unlocked, with the configured password. When that
     * changes the password or grants the role, the account's existing sessions end, so whoever
     * held them (say, someone who registered the admin's email first) keeps nothing.
     */
    public UUID ensureAdmin(AdminAccount admin) {
        String email = admin.email().strip();
        if (!email.matches(SignupRequest.EMAIL)) {
            throw new IllegalStateException("ADMIN_EMAIL is not an email address");
        }
        passwordPolicy.problem(admin.password()).ifPresent(problem -> {
            throw new IllegalStateException("ADMIN_PASSWORD " + problem);
        });
        if (admin.username() != null && !Usernames.valid(admin.username())) {
            throw new IllegalStateException("ADMIN_USERNAME " + Usernames.RULE);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<UserRow> existing = users.findByEmail(email);
            try {
                return existing.isPresent() ? promote(existing.get(), admin) : create(email, admin, attempt);
            } catch (FieldTaken taken) {
                if (taken.field().equals("username") && admin.username() != null) {
                    throw new IllegalStateException(
                            "ADMIN_USERNAME '" + admin.username() + "' belongs to another account");
                }
                log.info("admin account: {} was taken meanwhile, trying again", taken.field());
            }
        }
        throw new IllegalStateException("could not create the admin account");
    }

    private UUID create(String email, AdminAccount admin, int attempt) {
        String username = admin.username() != null
                ? admin.username().strip()
                : usernameCandidates(email).get(Math.min(attempt, 2));
        String hash = hasher.hash(admin.password());
        return transaction.execute(status -> {
            Instant now = clock.instant();
            UserRow user = users.insert(new NewUser(
                    UUID.randomUUID(),
                    username,
                    email,
                    null,
                    "Admin",
                    "Account",
                    Gender.OTHER,
                    null,
                    true,
                    Plan.PREMIUM,
                    List.of(UserRow.ROLE_USER, UserRow.ROLE_ADMIN),
                    hash,
                    now));
            events.registered(user);
            audit.record(SecurityEvent.ADMIN_BOOTSTRAP, user.id(), ClientInfo.SYSTEM, Map.of("created", true));
            log.info("created admin account {} ({})", user.username(), user.id());
            return user.id();
        });
    }

    /**
     * An account that already holds the admin email is made the admin only if it is the admin
     * already or proved it reads that mailbox (a verified address). Otherwise someone may have
     * registered the address first to be handed admin rights: nothing changes, and the log says so.
     */
    private UUID promote(UserRow found, AdminAccount admin) {
        if (!found.roles().contains(UserRow.ROLE_ADMIN) && !found.emailVerified()) {
            log.error(
                    "ADMIN_EMAIL belongs to account {} ({}), which never verified the address: it is NOT made admin."
                            + " Verify the address from that account, or configure another ADMIN_EMAIL.",
                    found.username(),
                    found.id());
            audit.record(
                    SecurityEvent.ADMIN_BOOTSTRAP_REFUSED,
                    found.id(),
                    ClientInfo.SYSTEM,
                    Map.of("reason", "email_not_verified"));
            return null;
        }
        boolean passwordMatches = hasher.verify(admin.password(), found.passwordHash());
        String hash = passwordMatches ? found.passwordHash() : hasher.hash(admin.password());
        return transaction.execute(status -> {
            UserRow user = users.findForUpdate(found.id()).orElseThrow(() -> new FieldTaken("email", null));
            UserRow updated = users.makeAdmin(user.id(), hash, clock.instant());
            List<String> changed = new ArrayList<>();
            if (user.plan() != updated.plan()) {
                changed.add(UserEvents.PLAN);
            }
            if (user.isAdult() != updated.isAdult()) {
                changed.add(UserEvents.IS_ADULT);
            }
            if (user.status() != updated.status()) {
                changed.add(UserEvents.STATUS);
            }
            if (!changed.isEmpty()) {
                events.updated(updated, changed);
            }
            boolean roleGranted = !user.roles().contains(UserRow.ROLE_ADMIN);
            if (roleGranted || !passwordMatches) {
                sessions.revokeAll(user.id(), "admin_bootstrap");
            }
            if (roleGranted || !passwordMatches || !changed.isEmpty()) {
                audit.record(
                        SecurityEvent.ADMIN_BOOTSTRAP,
                        user.id(),
                        ClientInfo.SYSTEM,
                        Map.of(
                                "created",
                                false,
                                "role_granted",
                                roleGranted,
                                "password_changed",
                                !passwordMatches,
                                "changed",
                                changed));
                log.info("updated admin account {} ({})", user.username(), user.id());
            }
            return user.id();
        });
    }

    /** The email's local part made a username, then with {@code _admin}, then with random digits. */
    static List<String> usernameCandidates(String email) {
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        String base = local.replaceAll("[^a-z0-9_.]", "_");
        if (!base.matches(".*[a-z].*")) {
            base = "admin_" + base;
        }
        base = base.length() < 3 ? base + "_admin" : base;
        String withSuffix = truncate(base, 24) + "_admin";
        String random = truncate(base, 23) + "_" + String.format("%06d", RANDOM.nextInt(1_000_000));
        return List.of(truncate(base, 30), withSuffix, random);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
