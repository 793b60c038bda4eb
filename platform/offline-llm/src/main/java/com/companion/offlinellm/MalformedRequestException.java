package com.companion.offlinellm;

import java.io.IOException;

final class MalformedRequestException extends IOException {

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
