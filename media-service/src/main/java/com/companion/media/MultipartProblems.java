package com.companion.media;

import com.companion.platform.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A multipart body that cannot be parsed is the client's fault (400), not ours (500). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is larger than the server accepts.");
            if (tooLarge.getMaxUploadSize() > 0) {
                problem.setProperty("limit_bytes", tooLarge.getMaxUploadSize());
            }
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "The multipart body is malformed."));
    }
}
