package com.companion.media.access;

import com.companion.contracts.media.MediaKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Media media) {
        jdbc.sql("""
                        insert into media (id, owner_id, character_id, kind, object_key, thumbnail_key, mime_type,
                            size_bytes, width, height, upload_id, created_at)
                        values (:id, :owner, :character, :kind, :key, :thumbnail, :mime, :size, :width, :height,
                            :upload, :created)
                        """)
                .param("id", media.id())
                .param("owner", media.ownerId())
                .param("character", media.characterId())
                .param("kind", wire(media.kind()))
                .param("key", media.objectKey())
                .param("thumbnail", media.thumbnailKey())
                .param("mime", media.mimeType())
                .param("size", media.sizeBytes())
                .param("width", media.width())
                .param("height", media.height())
                .param("upload", media.uploadId())
                .param("created", Timestamp.from(media.createdAt()))
                .update();
    }

    public Optional<Media> find(UUID id) {
        return jdbc.sql("select * from media where id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public Optional<Media> findByUpload(UUID uploadId) {
        return jdbc.sql("select * from media where upload_id = :upload")
                .param("upload", uploadId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<Media> ownedBy(UUID ownerId) {
        return jdbc.sql("select * from media where owner_id = :owner")
                .param("owner", ownerId)
                .query((rs, n) -> map(rs))
                .list();
    }

    List<Media> avatarsOf(UUID characterId) {
        return jdbc.sql("select * from media where character_id = :character")
                .param("character", characterId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Removes the row; empty when it was already gone (a concurrent delete). */
    Optional<Media> delete(UUID id) {
        return jdbc.sql("delete from media where id = :id returning *")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static String wire(MediaKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Media map(ResultSet rs) throws SQLException {
        return new Media(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("character_id", UUID.class),
                MediaKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("object_key"),
                rs.getString("thumbnail_key"),
                rs.getString("mime_type"),
                rs.getLong("size_bytes"),
                rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class),
                rs.getObject("upload_id", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
