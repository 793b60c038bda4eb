package com.companion.worker.prompt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a character's creator wrote, fenced as data inside the system prompt. Anyone can create a character, so its
 * name and description are untrusted: each field is flattened to one line (no line of its own can pose as a rule or
 * a role header) and stripped of everything that could end the fence or pass for chat markup in some model's
 * template: the fence's own tag, angle brackets, special tokens ({@code <|im_start|>}, {@code <|eot_id|>}),
 * bracket tags ({@code [INST]}, {@code <<SYS>>}), heading marks ({@code ### system}) and role prefixes
 * ({@code system:}). Compatibility forms and invisible characters are folded first, so full-width brackets or a
 * zero-width space inside the tag do not slip through.
 */
final class CharacterSheet {

    static final String OPEN = "<character_sheet>";
    static final String CLOSE = "</character_sheet>";

    private static final int MAX_NAME_CHARS = 100;

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}]");
    private static final Pattern LINE_BREAKS_AND_SPACES = Pattern.compile("[\\p{Cntrl}\\p{Z}\\s]+");
    private static final Pattern SPECIAL_TOKEN = Pattern.compile("<\\|[^|<>]{0,40}\\|>|<\\||\\|>");
    private static final Pattern BRACKET_TAG = Pattern.compile(
            "\\[\\s*/?\\s*(?:inst|sys|system|system_prompt|user|assistant|tool_calls|available_tools|tool_results)"
                    + "\\s*]|<<\\s*/?\\s*sys\\s*>>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING = Pattern.compile("#{2,}\\s*");
    private static final Pattern ROLE_PREFIX =
            Pattern.compile("\\b(system|developer|assistant|user|human)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE_NAME = Pattern.compile("character[\\s_.-]*sheet", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_FENCE = Pattern.compile("`{3,}");

    private CharacterSheet() {}

    /** The fenced block: the name and the description (cut to {@code maxDescriptionChars}), each on one line. */
    static String of(String name, String description, int maxDescriptionChars) {
        return of(name, description, maxDescriptionChars, List.of(), Integer.MAX_VALUE);
    }

    /**
     * The fenced block with the card's fields: each given line is a label and creator text, written as
     * {@code Label: text} on one line of its own, in order, with empty texts left out. The description
     * is cut to {@code maxDescriptionChars}; when the whole sheet would pass {@code maxSheetChars}, the
     * lines marked droppable (the example dialogue) are left out first, then the rest is cut.
     */
    static String of(String name, String description, int maxDescriptionChars, List<Line> lines, int maxSheetChars) {
        List<String> kept = new ArrayList<>();
        kept.add("Name: " + cut(escape(name), MAX_NAME_CHARS));
        for (Line line : lines) {
            if (line == Line.DESCRIPTION_SLOT) {
                String text = cut(escape(description), maxDescriptionChars);
                if (!text.isEmpty()) {
                    kept.add("Description: " + text);
                }
            } else {
                String text = escape(line.text());
                if (!text.isEmpty()) {
                    kept.add((line.droppable() ? DROPPABLE : "") + line.label() + ": " + text);
                }
            }
        }
        if (lines.isEmpty()) {
            String text = cut(escape(description), maxDescriptionChars);
            if (!text.isEmpty()) {
                kept.add("Description: " + text);
            }
        }
        if (length(kept) > maxSheetChars) {
            kept.removeIf(line -> line.startsWith(DROPPABLE));
        }
        List<String> fitted = new ArrayList<>();
        int left = maxSheetChars;
        for (String line : kept) {
            String clean = line.startsWith(DROPPABLE) ? line.substring(DROPPABLE.length()) : line;
            if (left <= 1) {
                break;
            }
            String cutLine = cut(clean, left - 1);
            fitted.add(cutLine);
            left -= cutLine.length() + 1;
        }
        return OPEN + "\n" + String.join("\n", fitted) + "\n" + CLOSE;
    }

    /** One labelled field of the sheet. */
    record Line(String label, String text, boolean droppable) {

        /** Where the description goes among the lines. */
        static final Line DESCRIPTION_SLOT = new Line("Description", "", false);
    }

    private static final String DROPPABLE = "\u0000";

    private static int length(List<String> lines) {
        int total = 0;
        for (String line : lines) {
            total += line.length() + 1;
        }
        return total;
    }

    /** Creator text as one line of plain words: nothing in it can close the fence or read as markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = LINE_BREAKS_AND_SPACES.matcher(s).replaceAll(" ");
        s = SPECIAL_TOKEN.matcher(s).replaceAll(" ");
        s = BRACKET_TAG.matcher(s).replaceAll(" ");
        s = s.replace('<', '‹').replace('>', '›');
        s = FENCE_NAME.matcher(s).replaceAll("character sheet");
        s = HEADING.matcher(s).replaceAll("");
        s = CODE_FENCE.matcher(s).replaceAll("'");
        s = ROLE_PREFIX.matcher(s).replaceAll("$1 -");
        return s.replaceAll(" {2,}", " ").strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip() + "…";
    }
}
