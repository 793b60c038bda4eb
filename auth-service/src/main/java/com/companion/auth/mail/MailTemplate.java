package com.companion.auth.mail;

/**
 * The mail the service sends, each a pair of templates under {@code mail/}: {@code <name>.txt},
 * whose first line is {@code Subject: ...}, and {@code <name>.html}. {@code {{param}}} is replaced
 * by a parameter (HTML-escaped in the HTML part).
 */
public enum MailTemplate {
    VERIFY_EMAIL("verify-email"),
    CONFIRM_NEW_EMAIL("confirm-new-email"),
    EMAIL_CHANGED("email-changed"),
    RESET_PASSWORD("reset-password"),
    PASSWORD_CHANGED("password-changed"),
    NEW_SIGN_IN("new-sign-in"),
    ACCOUNT_DELETED("account-deleted"),
    EXPORT_READY("export-ready");

    private final String fileName;

    MailTemplate(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static MailTemplate fromFileName(String name) {
        for (MailTemplate template : values()) {
            if (template.fileName.equals(name)) {
                return template;
            }
        }
        throw new IllegalArgumentException("no mail template " + name);
    }
}
