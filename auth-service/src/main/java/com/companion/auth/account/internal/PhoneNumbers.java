package com.companion.auth.account.internal;

import com.companion.auth.account.AccountProperties;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Phone numbers in any common writing ({@code +91 98765 43210}, {@code 098765-43210},
 * {@code 0091 9876543210}, ...) to E.164, with libphonenumber. Numbers without a country code are
 * read in the configured default region.
 *
 * <p>A number is accepted when its length is possible for its country ({@code isPossibleNumber}), not only when its
 * prefix is assigned in the numbering plan today ({@code isValidNumber}): nobody is sent a code here, so a stricter
 * check would only refuse numbers that plans add later, and the fictional ones test suites use (+1 555 …).
 */
@Component
public class PhoneNumbers {

    private static final int MAX_INPUT = 40;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(AccountProperties properties) {
        String region = properties.defaultPhoneRegion().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalStateException("auth.accounts.default-phone-region '" + region + "' is not a region code");
        }
        this.defaultRegion = region;
    }

    /** The E.164 form of a possible number; empty when it cannot be a number anywhere. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw, defaultRegion);
            if (!util.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
