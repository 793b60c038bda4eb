package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PresignedUploadRepository {

    private final JdbcClient jdbc;

    PresignedUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PresignedUpload upload) {
        jdbc.sql("""
                        insert into presigned_upload (id, owner_id, kind, character_id, content_type, size_bytes,
                            quarantine_key, expires_at)
                        values (:id, :owner, :kind, :character, :type, :size, :key, :expires)
                        """)
                .param("id", upload.id())
                .param("owner", upload.ownerId())
                .param("kind", upload.kind().name().toLowerCase(Locale.ROOT))
                .param("character", upload.characterId())
                .param("type", upload.contentType())
                .param("size", upload.sizeBytes())
                .param("key", upload.quarantineKey())
                .param("expires", Timestamp.from(upload.expiresAt()))
                .update();
    }

    Optional<PresignedUpload> find(UUID id) {
        return jdbc.sql("select * from presigned_upload where id = :id")
                .param("id", id)
                .query((rs, n) -> new PresignedUpload(
                        rs.getObject("id", UUID.class),
                        rs.getObject("owner_id", UUID.class),
                        MediaKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                        rs.getObject("character_id", UUID.class),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("quarantine_key"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** True for the one caller that consumed the upload. */
    boolean delete(UUID id) {
        return jdbc.sql("delete from presigned_upload where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Deletes every upload offered to an owner; answers their quarantine keys. */
    List<String> deleteOwnedBy(UUID ownerId) {
        return jdbc.sql("delete from presigned_upload where owner_id = :owner returning quarantine_key")
                .param("owner", ownerId)
                .query(String.class)
                .list();
    }

    /** Forgets uploads that expired more than {@code grace} ago; their quarantined objects are journalled. */
    int deleteExpired(Duration grace) {
        return jdbc.sql("delete from presigned_upload where expires_at < now() - make_interval(secs => :secs)")
                .param("secs", grace.toMillis() / 1000.0)
                .update();
    }
}
