package com.companion.platform.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labelled evaluation files in {@code src/test/resources}. Public for the inference-worker's tests, which read
 * them from this module's test jar.
 */
public record EvalSet(String name, List<EvalSet.Case> cases) {

    public record Case(
            String source,
            int line,
            boolean blocked,
            String category,
            Audience audience,
            Stage stage,
            String text,
            String note) {

        public boolean neverAllowed() {
            return blocked && (category.equals("S4") || category.equals("S3"));
        }

        public boolean expectsSupport() {
            return !blocked && category.equals("support");
        }

        public GuardContext context() {
            return stage == Stage.INPUT ? GuardContext.input(audience) : GuardContext.output(audience, null);
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    public static EvalSet load(String resource) {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(EvalSet.class.getResourceAsStream("/" + resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IllegalStateException(resource + ":" + number + " has " + f.length + " columns");
                }
                boolean blocked = switch (f[0]) {
                    case "blocked" -> true;
                    case "allowed" -> false;
                    default -> throw new IllegalStateException(resource + ":" + number + " label " + f[0]);
                };
                Audience audience = switch (f[2]) {
                    case "adult" -> Audience.ADULT_MODE;
                    case "clean" -> Audience.CLEAN;
                    default -> throw new IllegalStateException(resource + ":" + number + " mode " + f[2]);
                };
                Stage stage = Stage.valueOf(f[3].toUpperCase(Locale.ROOT));
                cases.add(new Case(resource, number, blocked, f[1], audience, stage, unescape(f[4]), f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvalSet(resource, List.copyOf(cases));
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
}
