package com.companion.analytics.figures;

import com.companion.contracts.analytics.RollupDimension;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What figures are about, as the key of the daily aggregate: {@code all}, {@code model/<name>} or
 * {@code character/<id>}. A model name may contain slashes; only the first one separates.
 */
public record Dimension(RollupDimension kind, @Nullable String id) {

    public static final Dimension ALL = new Dimension(RollupDimension.ALL, null);

    public static Dimension model(String name) {
        return new Dimension(RollupDimension.MODEL, name);
    }

    public static Dimension character(String id) {
        return new Dimension(RollupDimension.CHARACTER, id);
    }

    public String key() {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        return id == null ? kindName : kindName + "/" + id;
    }

    public static Dimension parse(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return new Dimension(RollupDimension.valueOf(key.toUpperCase(Locale.ROOT)), null);
        }
        return new Dimension(
                RollupDimension.valueOf(key.substring(0, slash).toUpperCase(Locale.ROOT)), key.substring(slash + 1));
    }
}
