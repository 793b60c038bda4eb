package com.companion.gateway.socketio;

/** A packet or request that breaks the Engine.IO or Socket.IO protocol; the session it came on is closed. */
final class ProtocolException extends RuntimeException {

    ProtocolException(String message) {
        super(message);
    }
}
