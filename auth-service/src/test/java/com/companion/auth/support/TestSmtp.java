package com.companion.auth.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for the test JVM, started on a free port before the first
 * context; every auth-service context sends to it ({@link SmtpContextCustomizerFactory}). Tests
 * read what it received, addressed to one recipient (each test signs up its own addresses).
 */
public final class TestSmtp {

    /** A delivered mail: subject, text part, HTML part. */
    public record Mail(String to, String subject, String text, String html) {

        /** The token of the first link in the text part with this path, e.g. {@code /app/reset-password}. */
        public String token(String path) {
            Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)")
                    .matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no " + path + " link in: " + text);
            }
            return matcher.group(1);
        }
    }

    private static GreenMail server;

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server.getSmtp().getPort();
    }

    /** Every mail delivered to {@code address} so far, oldest first. */
    public static List<Mail> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .map(message -> read(message, address))
                .toList();
    }

    public static List<Mail> to(String address, String subject) {
        return to(address).stream()
                .filter(mail -> mail.subject().equals(subject))
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message, String address) {
        try {
            return new Mail(address, message.getSubject(), part(message, "text/plain"), part(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private TestSmtp() {}
}
