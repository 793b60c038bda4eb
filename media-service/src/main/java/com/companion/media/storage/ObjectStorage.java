package com.companion.media.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The bucket, through the AWS SDK. Every SDK failure surfaces as {@link StorageFailure} (503),
 * except a missing object, which is an empty answer.
 */
@Component
public class ObjectStorage {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    ObjectStorage(S3Client s3, S3Presigner presigner, S3Properties properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = properties.bucket();
    }

    public void put(StoredObject object) {
        try {
            s3.putObject(
                    put -> put.bucket(bucket)
                            .key(object.key())
                            .contentType(object.contentType())
                            .contentLength((long) object.content().length)
                            .contentDisposition(object.contentDisposition()),
                    RequestBody.fromBytes(object.content()));
        } catch (SdkException e) {
            throw new StorageFailure(e);
        }
    }

    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageFailure(e);
        } catch (SdkException e) {
            throw new StorageFailure(e);
        }
    }

    /**
     * The object's bytes, reading no more than {@code maxBytes + 1} of them: a larger object
     * throws {@link ObjectTooLarge} without being downloaded.
     */
    public Optional<byte[]> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in =
                s3.getObject(g -> g.bucket(bucket).key(key))) {
            Long declared = in.response().contentLength();
            if (declared != null && declared > maxBytes) {
                in.abort();
                throw new ObjectTooLarge(key, maxBytes);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                in.abort();
                throw new ObjectTooLarge(key, maxBytes);
            }
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageFailure(e);
        } catch (IOException e) {
            throw new StorageFailure(new UncheckedIOException(e));
        }
    }

    /** Deletes the objects; keys that do not exist are fine (deleting is idempotent). */
    public void delete(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        try {
            for (int from = 0; from < all.size(); from += DELETE_BATCH) {
                List<ObjectIdentifier> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH)).stream()
                        .map(key -> ObjectIdentifier.builder().key(key).build())
                        .toList();
                DeleteObjectsResponse response = s3.deleteObjects(d -> d.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw new StorageFailure(new IllegalStateException("could not delete "
                            + response.errors().size() + " objects, first: "
                            + response.errors().getFirst().code()));
                }
            }
        } catch (SdkException e) {
            throw new StorageFailure(e);
        }
    }

    /**
     * A GET that works until {@code ttl} has passed. The response headers are fixed in the
     * signature, so the client gets the validated type whatever the object's metadata says.
     */
    public PresignedUrl presignGet(String key, Duration ttl, String contentType, String contentDisposition) {
        try {
            PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(bucket)
                            .key(key)
                            .responseContentType(contentType)
                            .responseContentDisposition(contentDisposition)));
            return new PresignedUrl(presigned.url().toURI(), presigned.expiration());
        } catch (SdkException | URISyntaxException e) {
            throw new StorageFailure(e);
        }
    }

    /**
     * A PUT of exactly {@code contentLength} bytes of {@code contentType} to {@code key}: both are
     * signed headers, so a store that checks signatures refuses anything else.
     */
    public PresignedRequest presignPut(String key, String contentType, long contentLength, Duration ttl) {
        try {
            PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                    .putObjectRequest(put ->
                            put.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)));
            Map<String, String> headers = new LinkedHashMap<>();
            presigned.signedHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    headers.put(name, String.join(",", values));
                }
            });
            return new PresignedRequest(presigned.url().toURI(), headers, presigned.expiration());
        } catch (SdkException | URISyntaxException e) {
            throw new StorageFailure(e);
        }
    }

    public record StoredObject(String key, byte[] content, String contentType, String contentDisposition) {}

    public record ObjectInfo(long sizeBytes, @Nullable String contentType) {}

    public record PresignedUrl(URI url, Instant expiresAt) {}

    public record PresignedRequest(URI url, Map<String, String> headers, Instant expiresAt) {

        public PresignedRequest {
            headers = Map.copyOf(headers);
        }
    }
}
