package com.companion.worker.prompt;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a user writes Hinglish: Hindi in Latin letters mixed with English. Words that are
 * almost never English ("kya", "nahi", "yaar") count fully; short words that are also English or
 * too ambiguous alone ("main", "to", "ho") only count together with others.
 */
final class Hinglish {

    private static final Set<String> STRONG = Set.of(
            "yaar", "yar", "kya", "kyaa", "hai", "hain", "hoon", "hun", "nahi", "nahin", "nhi", "acha", "accha",
            "achha", "kaise", "kaisa", "kaisi", "kyun", "kyu", "kyon", "mujhe", "tumhe", "tumko", "mujhko", "bahut",
            "bohot", "bahot", "haan", "theek", "thik", "arre", "arey", "batao", "matlab", "kuch", "kuchh", "abhi",
            "pyaar", "pyar", "chalo", "bolo", "samjha", "samjhi", "bilkul", "kahan", "tera", "tere", "teri", "mera",
            "meri", "mere", "tumhara", "tumhari", "tumhare", "tumse", "mein", "humko", "karo", "karna", "raha", "rahi",
            "rahe", "gaya", "gayi", "bhai", "lagta", "lagti", "aaj", "kal", "wala", "wali", "kyunki", "lekin", "sab",
            "koi", "dekho", "suno", "haina", "yrr", "ji", "aap", "aapka", "aapki", "apna", "apni");
    private static final Set<String> WEAK = Set.of(
            "tum", "tu", "main", "ho", "hu", "na", "aur", "bhi", "toh", "se", "ke", "ka", "ki", "ko", "ye", "yeh", "wo",
            "woh", "hum", "par", "pe");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");

    private Hinglish() {}

    /** Whether the messages, taken together, read as Hinglish. */
    static boolean writes(List<String> messages) {
        int strong = 0;
        int weak = 0;
        for (String message : messages) {
            for (String word : WORDS.split(message.toLowerCase(Locale.ROOT))) {
                if (STRONG.contains(word)) {
                    strong++;
                } else if (WEAK.contains(word)) {
                    weak++;
                }
            }
        }
        return strong >= 2 || (strong == 1 && weak >= 1) || weak >= 4;
    }
}
