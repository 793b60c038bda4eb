package com.companion.auth.account.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: at most {@code max} characters, no control characters ({@code U+0000-U+001F},
 * {@code U+007F}) but line feeds where {@code lineFeeds} allows them, and not blank unless {@code blankAllowed}.
 * Reports <em>one</em> error per field, the most helpful: "must not be blank" first; then the characters, the
 * length or both in one message (where {@code @Size} beside {@code @Pattern} reported two errors for one field).
 * Checked in one pass over the characters, with no regular expression. Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    int max();

    boolean blankAllowed() default false;

    boolean lineFeeds() default false;

    /** What is said of a value with a forbidden character. */
    String rule() default "must not contain control characters";

    String message() default "is not valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private int max;
        private boolean blankAllowed;
        private boolean lineFeeds;
        private String rule;

        @Override
        public void initialize(PlainText annotation) {
            max = annotation.max();
            blankAllowed = annotation.blankAllowed();
            lineFeeds = annotation.lineFeeds();
            rule = annotation.rule();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            problem.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }

        private String problem(String value) {
            if (!blankAllowed && value.isBlank()) {
                return "must not be blank";
            }
            boolean forbidden = false;
            for (int i = 0; i < value.length() && !forbidden; i++) {
                char c = value.charAt(i);
                forbidden = (c < 0x20 && !(lineFeeds && c == '\n')) || c == 0x7F;
            }
            boolean tooLong = value.length() > max;
            if (forbidden && tooLong) {
                return rule + " and be at most " + max + " characters";
            }
            if (forbidden) {
                return rule;
            }
            return tooLong ? "must be at most " + max + " characters" : null;
        }
    }
}
