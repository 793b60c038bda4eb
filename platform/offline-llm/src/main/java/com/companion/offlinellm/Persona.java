package com.companion.offlinellm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The character as the system prompt describes it; every part optional. */
record Persona(String name, String characterType, List<Trait> traits) {

    record Trait(String name, int value) {}

    static final Persona UNKNOWN = new Persona(null, null, List.of());

    private static final Pattern INTRO = Pattern.compile(
            "You are\\s+([^,\\n.]{1,60}?)\\s*(?:,\\s*an?\\s+([^\\n.]{1,60}?)\\s+companion\\b|[,.\\n])",
            Pattern.CASE_INSENSITIVE);
    /** The worker fences the creator's text in a character sheet: the name is its first line. */
    private static final Pattern SHEET_NAME = Pattern.compile("<character_sheet>\\s*Name:\\s*([^\\n]{1,60})");

    private static final Pattern TYPE = Pattern.compile("\\ban?\\s+([a-z][a-z ]{2,30}?)\\s+companion\\b");
    private static final Pattern TRAIT = Pattern.compile("([A-Za-z_]{3,30})\\s*=\\s*(\\d{1,3})");

    static Persona fromSystemPrompt(String systemPrompt) {
        if (systemPrompt == null || systemPrompt.isBlank()) {
            return UNKNOWN;
        }
        String name = null;
        String type = null;
        Matcher intro = INTRO.matcher(systemPrompt);
        if (intro.find()) {
            String candidate = intro.group(1).strip();
            if (!candidate.isEmpty()
                    && !candidate.toLowerCase(Locale.ROOT).startsWith("a ")
                    && !candidate.toLowerCase(Locale.ROOT).startsWith("an ")) {
                name = candidate;
            }
            type = intro.group(2) == null ? null : intro.group(2).strip();
        }
        Matcher sheet = SHEET_NAME.matcher(systemPrompt);
        if (sheet.find()) {
            name = sheet.group(1).strip();
        }
        if (type == null) {
            Matcher typed = TYPE.matcher(systemPrompt);
            type = typed.find() ? typed.group(1).strip() : null;
        }
        Matcher trait = TRAIT.matcher(systemPrompt);
        java.util.ArrayList<Trait> traits = new java.util.ArrayList<>();
        while (trait.find()) {
            traits.add(new Trait(
                    trait.group(1).toLowerCase(Locale.ROOT), Math.min(100, Integer.parseInt(trait.group(2)))));
        }
        traits.sort(Comparator.comparingInt(Trait::value).reversed());
        return new Persona(name, type, List.copyOf(traits));
    }

    /** Flavours of the strongest recognised traits, strongest first. */
    List<Flavour> flavours() {
        return traits.stream()
                .map(t -> Map.entry(t, Flavour.forTrait(t.name())))
                .filter(e -> e.getValue() != null)
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
    }

    enum Flavour {
        WARM,
        CHEERFUL,
        FLIRTY,
        FUNNY,
        SARCASTIC,
        SHY,
        BOLD;

        static Flavour forTrait(String trait) {
            String t = trait.toLowerCase(Locale.ROOT);
            if (t.contains("flirt") || t.contains("romant")) {
                return FLIRTY;
            }
            if (t.contains("sarcas") || t.contains("snark") || t.contains("tease")) {
                return SARCASTIC;
            }
            if (t.contains("humo") || t.contains("funny") || t.contains("playful") || t.contains("wit")) {
                return FUNNY;
            }
            if (t.contains("shy") || t.contains("timid")) {
                return SHY;
            }
            if (t.contains("bold") || t.contains("confiden") || t.contains("assert")) {
                return BOLD;
            }
            if (t.contains("affection")
                    || t.contains("warm")
                    || t.contains("caring")
                    || t.contains("kind")
                    || t.contains("empath")) {
                return WARM;
            }
            if (t.contains("positiv") || t.contains("cheer") || t.contains("optimis")) {
                return CHEERFUL;
            }
            return null;
        }
    }
}
