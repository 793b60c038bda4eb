package com.companion.media.access;

import com.companion.media.storage.ObjectStorage.PresignedUrl;
import com.companion.platform.web.problem.ApiProblem;
import com.companion.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading and deleting media. What a caller may not see answers 404, never 403. */
@RestController
@RequestMapping("/media")
class MediaController {

    private final MediaRepository repository;
    private final MediaAccessPolicy policy;
    private final MediaViews views;
    private final MediaDeletion deletion;

    MediaController(MediaRepository repository, MediaAccessPolicy policy, MediaViews views, MediaDeletion deletion) {
        this.repository = repository;
        this.policy = policy;
        this.views = views;
        this.deletion = deletion;
    }

    @Operation(summary = "A media item with a presigned URL valid for a limited time")
    @GetMapping("/{id}")
    MediaView get(@PathVariable UUID id, AuthenticatedUser caller) {
        return views.view(visible(id, caller));
    }

    /**
     * The stable address of the content (what {@code MediaUploaded.url} names): a redirect to a
     * fresh presigned URL. Open to anonymous callers for avatars of public all-ages characters, so
     * it works in an {@code <img src>}.
     */
    @Operation(summary = "Redirects to a fresh presigned URL of the content")
    @GetMapping("/{id}/content")
    ResponseEntity<Void> content(@PathVariable UUID id, @Nullable AuthenticatedUser caller) {
        PresignedUrl url = views.contentUrl(visible(id, caller));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(url.url())
                .cacheControl(
                        CacheControl.maxAge(views.urlExpiry().dividedBy(2)).cachePrivate())
                .build();
    }

    @Operation(summary = "Deletes a media item and its objects (owner only)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, AuthenticatedUser caller) {
        Media media = repository
                .find(id)
                .filter(m -> policy.canDelete(m, caller))
                .orElseThrow(() -> ApiProblem.notFound("media"));
        deletion.delete(media);
    }

    private Media visible(UUID id, @Nullable AuthenticatedUser caller) {
        return repository
                .find(id)
                .filter(m -> policy.canView(m, caller))
                .orElseThrow(() -> ApiProblem.notFound("media"));
    }
}
