package com.companion.platform.export;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the parts of a data export go: everything of export {@code id} lies under {@code
 * exports/<id>/}, each service's JSON document at {@code exports/<id>/<service>.json} and the objects
 * it refers to under {@code exports/<id>/<service>/}. Writing the same key again replaces the object,
 * so a redelivered request leaves one part, not two. auth-service zips the folder.
 */
public class ExportStorage {

    /** The documents are for people to read: snake_case like the API, ISO instants, indented. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final S3Client s3;
    private final String bucket;

    public ExportStorage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** {@code exports/<id>/}: the folder of one export. */
    public static String folder(UUID exportId) {
        return "exports/" + exportId + "/";
    }

    /** {@code exports/<id>/<service>.json}: a service's part. */
    public static String partKey(UUID exportId, String service) {
        return folder(exportId) + service + ".json";
    }

    /** Writes {@code document} as the service's part (JSON) and answers its key. */
    public String writePart(UUID exportId, String service, Object document) {
        String key = partKey(exportId, service);
        write(key, JSON.writeValueAsBytes(document), "application/json");
        return key;
    }

    /** Copies an object of the bucket into the export's folder at {@code relativePath}; answers the new key. */
    public String copyInto(UUID exportId, String relativePath, String sourceKey) {
        String key = folder(exportId) + relativePath;
        s3.copyObject(c -> c.sourceBucket(bucket)
                .sourceKey(sourceKey)
                .destinationBucket(bucket)
                .destinationKey(key));
        return key;
    }

    public void write(String key, byte[] bytes, String contentType) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public void write(String key, java.nio.file.Path file, String contentType) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    /** Every key under {@code prefix}, in the store's (lexicographic) order. */
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    /** The object's content; the caller closes it. */
    public InputStream open(String key) {
        return s3.getObject(g -> g.bucket(bucket).key(key));
    }

    public void delete(String key) {
        s3.deleteObject(d -> d.bucket(bucket).key(key));
    }

    public String bucket() {
        return bucket;
    }
}
