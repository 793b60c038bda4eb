package com.companion.character.core;

/**
 * Bounds of the Character Card fields, for the API and for imported cards alike. Generous enough for
 * real-world cards, small enough that one character cannot fill a prompt or the database.
 */
public final class CardLimits {

    public static final int SHORT_TEXT = 100;
    public static final int VERSION_TEXT = 40;
    public static final int LONG_TEXT = 8000;
    public static final int NOTES_TEXT = 4000;
    public static final int ALTERNATE_GREETINGS = 20;
    public static final int LOREBOOK_ENTRIES = 200;
    public static final int KEYS = 30;
    public static final int KEY_TEXT = 100;
    public static final int ENTRY_TEXT = 4000;
    /** Serialised JSON of {@code extensions}, in characters. */
    public static final int EXTENSIONS_JSON = 64 * 1024;

    public static final String TEXT_PATTERN = "[\\P{Cntrl}\\n\\t]*";
    public static final String TEXT_MESSAGE = "must not contain control characters other than newlines and tabs";
    public static final String LINE_PATTERN = "\\P{Cntrl}*";
    public static final String LINE_MESSAGE = "must not contain control characters";

    private CardLimits() {}
}
