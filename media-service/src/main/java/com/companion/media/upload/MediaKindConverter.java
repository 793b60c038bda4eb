package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code kind=avatar} in a form or query, as on the wire ({@code avatar}, not {@code AVATAR}). */
@Component
class MediaKindConverter implements Converter<String, MediaKind> {

    @Override
    public MediaKind convert(String source) {
        String wire = source.trim().toLowerCase(Locale.ROOT);
        for (MediaKind kind : MediaKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown media kind");
    }
}
