package com.companion.auth.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills a template pair from {@code classpath:mail/}: the text part (its first line is the
 * subject) and the HTML part. A placeholder without a parameter is an error, not an empty string,
 * so a mail never goes out with a hole where its link should be.
 */
@Component
class MailRenderer {

    record RenderedMail(String subject, String text, String html) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SUBJECT = "Subject: ";

    private final Map<String, String> templates = new ConcurrentHashMap<>();

    RenderedMail render(String template, Map<String, String> params) {
        String text = load(template + ".txt");
        int firstLineEnd = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || firstLineEnd < 0) {
            throw new IllegalStateException("mail/" + template + ".txt must start with a Subject: line");
        }
        String subject = fill(text.substring(SUBJECT.length(), firstLineEnd).strip(), params, false);
        String body = fill(text.substring(firstLineEnd + 1).stripLeading(), params, false);
        String html = fill(load(template + ".html"), params, true);
        return new RenderedMail(subject, body, html);
    }

    private static String fill(String template, Map<String, String> params, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = params.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("mail parameter " + matcher.group(1) + " is missing");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String load(String name) {
        return templates.computeIfAbsent(name, key -> {
            try (InputStream in = MailRenderer.class.getResourceAsStream("/mail/" + key)) {
                if (in == null) {
                    throw new IllegalStateException("no mail template mail/" + key);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
