package com.companion.auth.export;

import com.companion.auth.account.AccountAdministration;
import com.companion.auth.account.UserProfile;
import com.companion.auth.export.internal.ExportStore;
import com.companion.auth.export.internal.ExportStore.ExportRow;
import com.companion.auth.mail.MailProperties;
import com.companion.auth.mail.MailTemplate;
import com.companion.auth.mail.Mailbox;
import com.companion.platform.export.ExportStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zips an export once every expected service reported its part: {@code profile.json} (auth-service's
 * own part), a {@code README.txt}, and everything under {@code exports/<id>/} as the services wrote
 * it ({@code <service>.json}, and media files under {@code media-service/}). The zip goes to {@code
 * exports/<id>.zip}, the job turns ready and the owner is mailed in one transaction; the parts are then
 * removed (the zip holds them). Parts of one export arrive on one partition, so one consumer thread
 * assembles it; assembling again (a redelivery after a failure) rewrites the same zip.
 */
@Component
class ExportAssembler {

    private static final Logger log = LoggerFactory.getLogger(ExportAssembler.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final ExportStore store;
    private final ExportStorage storage;
    private final AccountAdministration accounts;
    private final Mailbox mailbox;
    private final MailProperties site;
    private final DataExportProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ExportAssembler(
            ExportStore store,
            ExportStorage storage,
            AccountAdministration accounts,
            Mailbox mailbox,
            MailProperties site,
            DataExportProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.storage = storage;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.site = site;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    static String zipKey(UUID exportId) {
        return "exports/" + exportId + ".zip";
    }

    /** Assembles the export if it is pending and every expected part is in. */
    void assembleIfComplete(UUID exportId) {
        Optional<ExportRow> found = store.find(exportId).filter(ExportRow::pending);
        if (found.isEmpty()) {
            return;
        }
        Set<String> received = store.parts(exportId);
        if (!received.containsAll(properties.services())) {
            return;
        }
        ExportRow export = found.get();
        Optional<UserProfile> profile = accounts.profile(export.userId());
        if (profile.isEmpty()) {
            return; // the account is gone; its jobs went with it
        }
        String key = zipKey(exportId);
        Path zip = writeZip(export, profile.get());
        try {
            storage.write(key, zip, "application/zip");
        } finally {
            delete(zip);
        }
        Instant now = clock.instant();
        boolean ready = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.markReady(exportId, key, now)) {
                return false;
            }
            mailbox.queue(
                    profile.get().email(),
                    MailTemplate.EXPORT_READY,
                    Map.of(
                            "username", profile.get().username(),
                            "requested_at", WHEN.format(export.requestedAt()),
                            "link", site.link("/app/account/export?id=" + exportId),
                            "retention_days",
                                    Long.toString(properties.retention().toDays())));
            return true;
        }));
        if (ready) {
            storage.keys(ExportStorage.folder(exportId)).forEach(storage::delete);
            log.info("export {} of user {} is ready ({} parts)", exportId, export.userId(), received.size());
        } else {
            storage.delete(key);
        }
    }

    private Path writeZip(ExportRow export, UserProfile profile) {
        String folder = ExportStorage.folder(export.id());
        List<String> keys = new ArrayList<>(storage.keys(folder));
        try {
            Path file = Files.createTempFile("export-" + export.id(), ".zip");
            try (OutputStream raw = Files.newOutputStream(file);
                    ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
                entry(zip, "README.txt", readme(export).getBytes(StandardCharsets.UTF_8));
                entry(zip, "profile.json", JSON.writeValueAsBytes(profile));
                for (String key : keys) {
                    zip.putNextEntry(new ZipEntry(key.substring(folder.length())));
                    try (InputStream in = storage.open(key)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the zip of export " + export.id() + " failed", e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(ExportRow export) {
        return """
                Your Companion data, as asked for on %s (UTC).

                profile.json            your account (auth-service)
                character-service.json  the characters you created, each with its Character Card V3
                chat-service.json       your chat sessions with every message (all alternatives)
                media-service.json      your uploads; the files themselves are in media-service/
                ad-service.json         the ad counters of your sessions and the ads you were shown

                Everything is JSON with snake_case names and ISO-8601 UTC times.
                """.formatted(WHEN.format(export.requestedAt()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }
}
