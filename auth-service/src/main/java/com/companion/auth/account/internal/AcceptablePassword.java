package com.companion.auth.account.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The password meets the {@link PasswordPolicy}; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, String> {

        private final PasswordPolicy policy;

        public Validator(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return policy.problem(value)
                    .map(message -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
