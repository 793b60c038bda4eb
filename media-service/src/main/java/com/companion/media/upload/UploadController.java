package com.companion.media.upload;

import com.companion.contracts.media.MediaKind;
import com.companion.media.access.Media;
import com.companion.media.access.MediaView;
import com.companion.media.access.MediaViews;
import com.companion.platform.web.NoBody;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.problem.FieldError;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/media")
class UploadController {

    private final DirectUploads direct;
    private final PresignedUploads presigned;
    private final MediaViews views;

    UploadController(DirectUploads direct, PresignedUploads presigned, MediaViews views) {
        this.direct = direct;
        this.presigned = presigned;
        this.views = views;
    }

    @Operation(summary = "Uploads a file; its type is decided by its bytes")
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaView> upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "kind", required = false) @Nullable MediaKind kind,
            @RequestParam(name = "character_id", required = false) @Nullable UUID characterId,
            AuthenticatedUser caller) {
        List<FieldError> missing = new ArrayList<>();
        if (file == null) {
            missing.add(new FieldError("file", "is required"));
        }
        if (kind == null) {
            missing.add(new FieldError("kind", "is required"));
        }
        if (!missing.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    "Bad Request",
                    "The request has invalid fields; see errors.",
                    Map.of("errors", missing));
        }
        return created(direct.upload(caller.userId(), kind, characterId, file));
    }

    @Operation(summary = "Offers a presigned PUT for a direct upload to the store")
    @PostMapping("/presigned-upload")
    ResponseEntity<PresignedUploadOffer> offer(@Valid @RequestBody PresignRequest request, AuthenticatedUser caller) {
        PresignedUploads.Offer offer = presigned.offer(
                caller.userId(), request.kind(), request.contentType(), request.sizeBytes(), request.characterId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PresignedUploadOffer(
                        offer.uploadId(),
                        "PUT",
                        offer.put().url(),
                        offer.put().headers(),
                        offer.put().expiresAt()));
    }

    @Operation(summary = "Validates and stores what was uploaded with a presigned PUT")
    @PostMapping("/presigned-upload/{uploadId}/complete")
    ResponseEntity<MediaView> complete(
            @PathVariable UUID uploadId,
            AuthenticatedUser caller,
            @RequestBody(required = false) @Nullable NoBody none) {
        PresignedUploads.Completion completion = presigned.complete(caller.userId(), uploadId);
        return completion.created() ? created(completion.media()) : ResponseEntity.ok(views.view(completion.media()));
    }

    private ResponseEntity<MediaView> created(Media media) {
        return ResponseEntity.created(URI.create("/media/" + media.id())).body(views.view(media));
    }

    record PresignRequest(
            @NotNull MediaKind kind,
            @NotBlank @Size(max = 255) String contentType,
            @NotNull @Positive Long sizeBytes,
            @Nullable UUID characterId) {}

    /** Send {@code method} to {@code url} with exactly {@code headers}, before {@code expires_at}. */
    record PresignedUploadOffer(
            UUID uploadId, String method, URI url, Map<String, String> headers, Instant expiresAt) {}
}
