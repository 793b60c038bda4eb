package com.companion.offlinellm;

import java.util.Locale;
import java.util.Set;

/** Guesses whether a message is Hinglish (Hindi written in Latin letters, mixed with English). */
final class Hinglish {

    private static final Set<String> STRONG = Set.of(
            "yaar", "yar", "yr", "kya", "kyaa", "hai", "hain", "haii", "nahi", "nahin", "nhi", "acha", "accha", "achha",
            "acchha", "kaise", "kaisa", "kaisi", "kyun", "kyu", "kyon", "mujhe", "tumhe", "tumko", "mujhko", "bahut",
            "bohot", "bahot", "haan", "theek", "thik", "arre", "arey", "batao", "bata", "matlab", "kuch", "kuchh",
            "abhi", "pyaar", "pyar", "chalo", "bolo", "samjha", "samjhi", "sach", "bilkul", "kahan", "tera", "tere",
            "teri", "mera", "meri", "mere", "tumhara", "tumhari", "tumhare", "tumse", "mein", "humko", "karo", "karna",
            "raha", "rahi", "rahe", "gaya", "gayi", "hoon", "bhai", "lagta", "lagti", "aaj", "wala", "wali");
    private static final Set<String> WEAK = Set.of(
            "tum", "tu", "main", "ho", "hu", "na", "aur", "bhi", "toh", "se", "ke", "ka", "ki", "ko", "ye", "yeh", "wo",
            "woh", "ji", "hum");

    private Hinglish() {}

    static boolean looksLikeHinglish(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int weak = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (STRONG.contains(word)) {
                return true;
            }
            if (WEAK.contains(word)) {
                weak++;
            }
        }
        return weak >= 2;
    }
}
