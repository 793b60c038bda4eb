package com.companion.media.storage;

import com.companion.platform.web.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** The store did not answer or refused a call; the caller may retry later. */
public class StorageFailure extends ApiProblem {

    public StorageFailure(Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "storage-unavailable",
                "Service Unavailable",
                "The media store is unavailable; please try again later.");
        initCause(cause);
    }
}
