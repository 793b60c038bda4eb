package com.companion.auth.account.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number {@link PhoneNumbers} can read; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPhoneNumber.Validator.class)
public @interface ValidPhoneNumber {

    String message() default
            "must be a valid phone number, with its country code when it is not from the default region";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPhoneNumber, String> {

        private final PhoneNumbers phones;

        public Validator(PhoneNumbers phones) {
            this.phones = phones;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || phones.toE164(value).isPresent();
        }
    }
}
