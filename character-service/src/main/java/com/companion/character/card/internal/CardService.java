package com.companion.character.card.internal;

import com.companion.character.access.CharacterAccess;
import com.companion.character.access.Viewers;
import com.companion.character.card.CardFormat;
import com.companion.character.card.CardProperties;
import com.companion.character.card.ExportedCard;
import com.companion.character.core.CharacterDraft;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.CharacterRow;
import com.companion.character.core.CharacterStore;
import com.companion.character.core.CharacterViews;
import com.companion.character.core.InvalidRequest;
import com.companion.character.core.Lorebook;
import com.companion.character.core.Viewer;
import com.companion.character.events.CharacterEvents;
import com.companion.character.moderation.CharacterScreening;
import com.companion.character.moderation.CharacterText;
import com.companion.character.profile.CreateCharacterRequest;
import com.companion.character.profile.SlidersRequest;
import com.companion.character.users.UserDirectory;
import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Sliders;
import com.companion.contracts.character.Visibility;
import com.companion.platform.web.security.AuthenticatedUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import: the file's kind is decided by its bytes; the card is mapped onto a create request, validated
 * like one and screened like any creator text, then written and published as a created character.
 * Export: the owner, or anyone who can see a public character whose owner allows export.
 */
@Service
public class CardService {

    static final String V2_CHUNK = "chara";
    static final String V3_CHUNK = "ccv3";

    private final Viewers viewers;
    private final CharacterAccess access;
    private final CharacterStore characters;
    private final CharacterEvents events;
    private final CharacterViews views;
    private final CharacterScreening screening;
    private final Validator validator;
    private final CardProperties properties;
    private final AvatarHandOff avatars;
    private final UserDirectory users;
    private final Clock clock;

    CardService(
            Viewers viewers,
            CharacterAccess access,
            CharacterStore characters,
            CharacterEvents events,
            CharacterViews views,
            CharacterScreening screening,
            Validator validator,
            CardProperties properties,
            AvatarHandOff avatars,
            UserDirectory users,
            Clock clock) {
        this.viewers = viewers;
        this.access = access;
        this.characters = characters;
        this.events = events;
        this.views = views;
        this.screening = screening;
        this.validator = validator;
        this.properties = properties;
        this.avatars = avatars;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public CharacterResponse importCard(
            byte[] file,
            @Nullable String visibility,
            boolean nsfwEnabled,
            AuthenticatedUser user,
            @Nullable String authorization) {
        Viewer viewer = viewers.of(user);
        if (file.length > properties.maxFileSize().toBytes()) {
            throw InvalidCard.tooLarge("The card file is larger than " + properties.maxFileSize() + ".");
        }
        Visibility chosen = visibility(visibility);
        ImportedCard card = CardCodec.read(cardJson(file));
        if (nsfwEnabled) {
            viewers.requireAdult(user);
        }
        CreateCharacterRequest request = request(card, chosen, nsfwEnabled);
        Set<ConstraintViolation<CreateCharacterRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw InvalidRequest.of(violations);
        }
        CharacterDraft draft = request.draft();
        screening.requireAcceptable(CharacterText.of(draft), nsfwEnabled);
        UUID id = UUID.randomUUID();
        UUID ownerId = viewer.requireUserId();
        characters.insertScreened(
                id, ownerId, draft, nsfwEnabled, users.isDisabledLocked(ownerId), clock.instant(), screening.version());
        if (authorization != null && PngChunks.isPng(file)) {
            avatars.afterCommit(id, file, authorization);
        }
        return views.of(events.created(id), viewer);
    }

    @Transactional(readOnly = true)
    public ExportedCard export(UUID id, CardFormat format, AuthenticatedUser user) {
        Viewer viewer = viewers.of(user);
        CharacterRow row = access.requireVisible(id, viewer);
        boolean mayExport = viewer.owns(row) || (row.visibility() == Visibility.PUBLIC && row.exportAllowed());
        if (!mayExport) {
            throw CharacterAccess.notFound();
        }
        ObjectNode v3 = CardCodec.v3(row);
        String baseName = fileName(row.name());
        return switch (format) {
            case JSON -> new ExportedCard(CardCodec.bytes(v3), format, baseName + ".json");
            case PNG -> new ExportedCard(png(row, v3), format, baseName + ".png");
            case CHARX -> {
                ObjectNode icon = (ObjectNode) v3.path("data").path("assets").get(0);
                icon.put("uri", "embeded://" + Charx.ICON_PATH);
                yield new ExportedCard(Charx.write(CardCodec.bytes(v3), Placeholder.PNG), format, baseName + ".charx");
            }
        };
    }

    /** The avatar image is media-service's; the exported PNG is a neutral image carrying both chunks. */
    private static byte[] png(CharacterRow row, ObjectNode v3) {
        Map<String, String> chunks = new LinkedHashMap<>();
        chunks.put(V2_CHUNK, base64(CardCodec.bytes(CardCodec.v2(row))));
        chunks.put(V3_CHUNK, base64(CardCodec.bytes(v3)));
        return PngChunks.withTexts(Placeholder.PNG, chunks);
    }

    private byte[] cardJson(byte[] file) {
        int maxJson = (int)
                Math.min(Integer.MAX_VALUE - 16, properties.maxCardJsonSize().toBytes());
        if (PngChunks.isPng(file)) {
            // base64 is 4/3 of the JSON it carries
            Map<String, String> texts = PngChunks.texts(file, maxJson / 3 * 4 + 4);
            String encoded = texts.containsKey(V3_CHUNK) ? texts.get(V3_CHUNK) : texts.get(V2_CHUNK);
            if (encoded == null) {
                throw InvalidCard.of("The PNG has no 'ccv3' or 'chara' text chunk: it carries no card.");
            }
            try {
                return Base64.getDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw InvalidCard.of("The PNG's card chunk is not valid base64.");
            }
        }
        if (Charx.isZip(file)) {
            return Charx.cardJson(file, maxJson);
        }
        if (looksLikeJson(file)) {
            if (file.length > maxJson) {
                throw InvalidCard.tooLarge("The card JSON is larger than " + properties.maxCardJsonSize() + ".");
            }
            return file;
        }
        throw InvalidCard.of("The file is not a Character Card: expected JSON, a PNG or a CHARX (zip) file.");
    }

    private static CreateCharacterRequest request(ImportedCard card, Visibility visibility, boolean nsfwEnabled) {
        Sliders s = card.sliders() == null ? Sliders.defaults() : card.sliders();
        CharacterType type = card.characterType() == null ? CharacterType.CUSTOM : card.characterType();
        var c = card.card();
        return new CreateCharacterRequest(
                card.name(),
                card.description(),
                type,
                new SlidersRequest(
                        s.shyness(),
                        s.flirtiness(),
                        s.humor(),
                        s.boldness(),
                        s.affection(),
                        s.sarcasm(),
                        s.positivity()),
                visibility,
                tags(card.tags()),
                nsfwEnabled,
                c.nickname(),
                c.greeting(),
                c.alternateGreetings(),
                c.scenario(),
                c.exampleDialogue(),
                c.systemPrompt(),
                c.postHistoryInstructions(),
                c.creatorNotes(),
                c.creator(),
                c.characterVersion(),
                c.lorebook().isEmpty() ? Lorebook.EMPTY : c.lorebook(),
                c.extensions(),
                false);
    }

    /** Card tags are free text ("Slice of Life"); ours are slugs: "slice-of-life", the first ten kept. */
    static List<String> tags(List<String> raw) {
        List<String> tags = new ArrayList<>();
        for (String tag : raw) {
            String slug = java.text.Normalizer.normalize(tag, java.text.Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-+|-+$)", "");
            if (slug.length() > 24) {
                slug = slug.substring(0, 24).replaceAll("-+$", "");
            }
            if (!slug.isEmpty() && !tags.contains(slug) && tags.size() < 10) {
                tags.add(slug);
            }
        }
        return tags;
    }

    private static Visibility visibility(@Nullable String wire) {
        if (wire == null || wire.isBlank()) {
            return Visibility.PRIVATE;
        }
        for (Visibility v : Visibility.values()) {
            if (v.name().equalsIgnoreCase(wire)) {
                return v;
            }
        }
        throw InvalidRequest.field("visibility", "must be one of private, public, shareable");
    }

    private static boolean looksLikeJson(byte[] file) {
        int i = 0;
        if (file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < file.length && Character.isWhitespace(file[i])) {
            i++;
        }
        return i < file.length && file[i] == '{';
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String fileName(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N} _-]", "").strip();
        return safe.isEmpty() ? "character" : safe;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
