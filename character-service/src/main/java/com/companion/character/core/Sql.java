package com.companion.character.core;

import com.companion.contracts.character.CharacterType;
import com.companion.contracts.character.Visibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Conversions between Java values and the columns of this service's tables. */
public final class Sql {

    /** PostgreSQL keeps microseconds; truncating here makes what is written equal what is read back. */
    public static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static List<String> textArray(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    public static String wire(CharacterType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    public static String wire(Visibility visibility) {
        return visibility.name().toLowerCase(Locale.ROOT);
    }

    public static CharacterType characterType(String wire) {
        return CharacterType.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public static Visibility visibility(String wire) {
        return Visibility.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private Sql() {}
}
