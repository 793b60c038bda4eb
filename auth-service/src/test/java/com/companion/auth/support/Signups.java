package com.companion.auth.support;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sign-up bodies that pass validation, each with its own username, email and phone number. */
public final class Signups {

    public static final String PASSWORD = "violet-harbour-lantern-7";

    private final Map<String, Object> body = new LinkedHashMap<>();

    private Signups() {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        body.put("first_name", "Mira");
        body.put("last_name", "Kapoor");
        body.put("email", "mira." + unique + "@example.com");
        body.put("username", "mira_" + unique);
        body.put("phone_number", indianMobile());
        body.put("gender", "female");
        body.put("age", 25);
        body.put("password", PASSWORD);
    }

    public static Signups valid() {
        return new Signups();
    }

    public Signups with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Signups without(String field) {
        body.remove(field);
        return this;
    }

    public Object get(String field) {
        return body.get(field);
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(body);
    }

    /** A valid Indian mobile number written in the international style, e.g. {@code +91 98765 43210}. */
    public static String indianMobile() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        while (true) {
            long national = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            PhoneNumber number = new PhoneNumber().setCountryCode(91).setNationalNumber(national);
            if (util.isValidNumber(number)) {
                String digits = Long.toString(national);
                return "+91 " + digits.substring(0, 5) + " " + digits.substring(5);
            }
        }
    }

    /** The same number as {@link #indianMobile()} wrote it, in the national style with the trunk 0: {@code 098765-43210}. */
    public static String nationalStyle(String international) {
        String digits = international.replaceAll("[^0-9]", "").substring(2);
        return "0" + digits.substring(0, 5) + "-" + digits.substring(5);
    }

    public static String e164(String international) {
        return "+" + international.replaceAll("[^0-9]", "");
    }
}
