package com.companion.character.card;

import com.companion.character.card.internal.CardService;
import com.companion.character.core.CharacterResponse;
import com.companion.character.core.InvalidRequest;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/characters")
class CardController {

    private final CardService cards;

    CardController(CardService cards) {
        this.cards = cards;
    }

    @Operation(
            summary = "Import a Character Card",
            description = "Multipart `file`: Character Card V1/V2/V3 JSON, a PNG/APNG with a `ccv3` (preferred) or"
                    + " `chara` tEXt chunk, or CHARX (zip with card.json); the kind is decided by the bytes. The new"
                    + " character is private unless `visibility` says otherwise; `nsfw_enabled=true` needs an adult."
                    + " Its text is validated and screened like a created character (400 validation naming the field,"
                    + " 422 content-blocked naming the field). 400 invalid-card says what is wrong with a malformed"
                    + " file; 400 validation naming `file` when there is no `file` part. 413 too-large when the file, a chunk or card.json is over its limit. The image of a PNG"
                    + " card becomes the character's avatar a moment later (through media-service, like an upload).")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CharacterResponse> importCard(
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "visibility", required = false) @Nullable String visibility,
            @RequestParam(name = "nsfw_enabled", required = false) @Nullable Boolean nsfwEnabled,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            AuthenticatedUser user) {
        if (file == null) {
            throw InvalidRequest.field("file", "is required: the card file as the multipart part 'file'");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharacterResponse created =
                cards.importCard(bytes, visibility, Boolean.TRUE.equals(nsfwEnabled), user, authorization);
        return ResponseEntity.created(URI.create("/characters/" + created.id())).body(created);
    }

    @Operation(
            summary = "Export a Character Card",
            description = "A V3 card: `json`, `png` (a PNG carrying `ccv3` and the V2 `chara` backfill) or `charx`."
                    + " The owner may always export; anyone who can see a public character may when its owner set"
                    + " export_allowed. Otherwise 404, as for a character the caller cannot see.")
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(name = "format", defaultValue = "png") String format,
            AuthenticatedUser user) {
        ExportedCard card = cards.export(id, CardFormat.of(format), user);
        return ResponseEntity.ok()
                .contentType(card.format().mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(card.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(card.bytes());
    }
}
