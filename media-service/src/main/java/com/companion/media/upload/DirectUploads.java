package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.media.access.Media;
import com.companion.media.validation.InspectedMedia;
import com.companion.media.validation.MediaInspector;
import com.companion.media.validation.Rejections;
import com.companion.media.validation.ValidationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /media/upload}: the bytes come in the request and are inspected before anything is stored. */
@Component
class DirectUploads {

    private final CharacterRules characters;
    private final MediaInspector inspector;
    private final MediaIngest ingest;
    private final ValidationProperties limits;

    DirectUploads(
            CharacterRules characters, MediaInspector inspector, MediaIngest ingest, ValidationProperties limits) {
        this.characters = characters;
        this.inspector = inspector;
        this.ingest = ingest;
        this.limits = limits;
    }

    Media upload(UUID callerId, MediaKind kind, @Nullable UUID characterId, MultipartFile file) {
        characters.check(callerId, kind, characterId);
        InspectedMedia content = inspector.inspect(kind, read(file, limits.maxBytes(kind)));
        return ingest.store(new MediaIngest.Owner(callerId, kind, characterId, null), content, () -> {});
    }

    /** Reads at most {@code limit + 1} bytes, whatever size the part claims. */
    private static byte[] read(MultipartFile file, long limit) {
        if (file.getSize() > limit) {
            throw Rejections.tooLarge(limit);
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw Rejections.tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
