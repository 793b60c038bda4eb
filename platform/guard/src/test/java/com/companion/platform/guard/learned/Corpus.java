package com.companion.platform.guard.learned;

import com.companion.platform.guard.Audience;
import com.companion.platform.guard.Conversation;
import com.companion.platform.guard.GuardContext;
import com.companion.platform.guard.Policy;
import com.companion.platform.guard.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled training corpus: the development sets and the spent hold-outs in {@code src/test/resources}, then
 * every {@code corpus/*.tsv} in name order. Lines repeating an earlier line's text in the same mode and stage are
 * dropped (the first one wins), so a corpus line that duplicates an evaluation line is not counted twice.
 */
record Corpus(List<Line> lines, int duplicatesDropped, String sha256) {

    static final List<String> EVAL_SETS = List.of(
            "guard-eval.tsv",
            "guard-eval-blind.tsv",
            "guard-eval-blind2.tsv",
            "guard-eval-blind3.tsv",
            "guard-eval-blind4.tsv",
            "guard-eval-blind5.tsv",
            "guard-eval-blind6.tsv",
            "guard-eval-blind7.tsv",
            "guard-eval-blind8.tsv",
            "guard-eval-blind9.tsv",
            "guard-eval-blind10.tsv",
            "guard-dev14.tsv");

    static final String CORPUS_DIR = "corpus";

    /**
     * @param source file and line number
     * @param blocked the label
     * @param category the expected category of a blocked line ({@code S4}), {@code support} or {@code -}
     * @param nonConsentKind for S3 lines, the policy when known from the file or section (else null)
     */
    record Line(
            String source,
            boolean blocked,
            String category,
            Audience audience,
            Stage stage,
            String text,
            String note,
            Policy nonConsentKind) {

        boolean neverAllowed() {
            return blocked && (category.equals("S4") || category.equals("S3"));
        }

        boolean expectsSupport() {
            return !blocked && category.equals("support");
        }

        GuardContext context() {
            return stage == Stage.INPUT ? GuardContext.input(audience) : GuardContext.output(audience, null);
        }

        String canonical() {
            return String.join(
                            "\t",
                            blocked ? "blocked" : "allowed",
                            category,
                            audience == Audience.ADULT_MODE ? "adult" : "clean",
                            stage.wireName(),
                            nonConsentKind == null ? "-" : nonConsentKind.code(),
                            text)
                    + "\n";
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    static Corpus load() {
        List<String> files = new ArrayList<>(EVAL_SETS);
        Path dir = resourceDir();
        if (Files.isDirectory(dir.resolve(CORPUS_DIR))) {
            try (Stream<Path> tsv = Files.list(dir.resolve(CORPUS_DIR))) {
                tsv.map(p -> CORPUS_DIR + "/" + p.getFileName())
                        .filter(name -> name.endsWith(".tsv"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Line> seen = new HashMap<>();
        int dropped = 0;
        for (String file : files) {
            for (Line line : read(dir.resolve(file), file)) {
                String key = line.audience() + "|" + line.stage() + "|" + dedupeKey(line.text());
                if (seen.putIfAbsent(key, line) != null) {
                    dropped++;
                } else {
                    lines.add(line);
                }
            }
        }
        return new Corpus(List.copyOf(lines), dropped, sha256(lines));
    }

    static String dedupeKey(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static String sha256(List<Line> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Line line : lines) {
                digest.update(line.canonical().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Line> read(Path path, String name) {
        List<String> raw;
        try {
            raw = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Line> lines = new ArrayList<>();
        Policy section = kindOf(name);
        Policy fileKind = section;
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# ----")) {
                    section = fileKind != null ? fileKind : kindOf(line);
                }
                continue;
            }
            String where = name + ":" + (i + 1);
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalStateException(where + " has " + f.length + " columns");
            }
            boolean blocked = switch (f[0]) {
                case "blocked" -> true;
                case "allowed" -> false;
                default -> throw new IllegalStateException(where + " label " + f[0]);
            };
            Audience audience = switch (f[2]) {
                case "adult" -> Audience.ADULT_MODE;
                case "clean" -> Audience.CLEAN;
                default -> throw new IllegalStateException(where + " mode " + f[2]);
            };
            Stage stage = Stage.valueOf(f[3].toUpperCase(Locale.ROOT));
            String category = f[1].strip();
            if (blocked && !List.of("S4", "S3", "S11", "S12", "S1", "S2", "S9").contains(category)) {
                throw new IllegalStateException(where + " category " + category);
            }
            Policy kind = null;
            if (blocked && category.equals("S3")) {
                kind = section != null ? section : kindOfNote(f[5]);
            }
            lines.add(new Line(where, blocked, category, audience, stage, unescape(f[4]), f[5], kind));
        }
        return lines;
    }

    private static Policy kindOf(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("incest")) {
            return Policy.INCEST;
        }
        if (t.contains("bestiality")) {
            return Policy.BESTIALITY;
        }
        if (t.contains("nonconsent") || t.contains("non-consent")) {
            return Policy.NON_CONSENT;
        }
        return null;
    }

    private static final Pattern FAMILY = Pattern.compile(
            "incest|family|step|sibling|brother|sister|cousin|father|mother|dad|mom|aunt|uncle|daughter|son\\b");
    private static final Pattern ANIMAL = Pattern.compile("animal|bestial|zoo|dog|horse|pet\\b");
    private static final Pattern NON_CONSENT = Pattern.compile(
            "consent|force|drug|sleep|asleep|unconscious|drunk|coerc|blackmail|rape|restrain|struggl|refus|voyeur|camera");

    private static Policy kindOfNote(String note) {
        String n = note.toLowerCase(Locale.ROOT);
        if (ANIMAL.matcher(n).find()) {
            return Policy.BESTIALITY;
        }
        if (FAMILY.matcher(n).find()) {
            return Policy.INCEST;
        }
        if (NON_CONSENT.matcher(n).find()) {
            return Policy.NON_CONSENT;
        }
        return null;
    }

    static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A line of a conversation set: the new message as a corpus line, the earlier messages as its context, and the
     * file's line as written.
     */
    record InConversation(Line line, GuardContext context, String raw) {}

    /**
     * A conversation set ({@code label, category, mode, earlier messages joined with " || ", new message, note}): each
     * new message is an input, judged with the earlier messages as its conversation.
     */
    static List<InConversation> readConversations(String file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(resourceDir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<InConversation> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + " has " + f.length + " fields, not 6");
            }
            Audience audience = f[2].equals("adult") ? Audience.ADULT_MODE : Audience.CLEAN;
            List<String> messages =
                    Arrays.stream(f[3].split(" \\|\\| ")).map(Corpus::unescape).toList();
            Line line = new Line(
                    file + ":" + (i + 1),
                    f[0].equals("blocked"),
                    f[1],
                    audience,
                    Stage.INPUT,
                    unescape(f[4]),
                    f[5],
                    null);
            lines.add(new InConversation(line, GuardContext.input(audience).with(Conversation.of(messages, "")), text));
        }
        return lines;
    }

    static Path resourceDir() {
        try {
            return Path.of(Objects.requireNonNull(Corpus.class.getResource("/guard-eval.tsv"))
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
