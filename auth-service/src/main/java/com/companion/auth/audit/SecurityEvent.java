package com.companion.auth.audit;

/** The kinds of security event written to the audit table, by their stored name. */
public enum SecurityEvent {
    SIGNUP("signup"),
    LOGIN_SUCCESS("login.success"),
    LOGIN_FAILURE("login.failure"),
    LOCKOUT("lockout"),
    REFRESH_REUSE("refresh.reuse"),
    LOGOUT("logout"),
    SESSION_REVOKED("session.revoked"),
    PLAN_CHANGE("plan.change"),
    ADULT_FLAG_CHANGE("adult_flag.change"),
    AGE_CHANGE("age.change"),
    /** Someone tried to raise their own age: a trust-and-safety signal (a minor trying to become an adult). */
    AGE_CHANGE_REFUSED("age.change_refused"),
    ACCOUNT_DELETED("account.deleted"),
    ACCOUNT_DELETION_REFUSED("account.deletion_refused"),
    ADMIN_BOOTSTRAP("admin.bootstrap"),
    ADMIN_BOOTSTRAP_REFUSED("admin.bootstrap_refused"),
    EMAIL_VERIFIED("email.verified"),
    EMAIL_CHANGE_REQUESTED("email.change_requested"),
    EMAIL_CHANGED("email.changed"),
    USERNAME_CHANGED("username.changed"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_CHANGE_REFUSED("password.change_refused"),
    PASSWORD_RESET_REQUESTED("password.reset_requested"),
    PASSWORD_RESET("password.reset"),
    BILLING_PLAN_CHANGE("billing.plan_change"),
    ACCOUNT_BANNED("account.banned"),
    ACCOUNT_UNBANNED("account.unbanned");

    private final String storedName;

    SecurityEvent(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
