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
    ACCOUNT_DELETED("account.deleted"),
    ACCOUNT_DELETION_REFUSED("account.deletion_refused"),
    ADMIN_BOOTSTRAP("admin.bootstrap");

    private final String storedName;

    SecurityEvent(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
