package com.companion.media.storage;

/** A stored object holds more bytes than the reader accepts; nothing past the limit was read. */
public class ObjectTooLarge extends RuntimeException {

    private final long limitBytes;

    public ObjectTooLarge(String key, long limitBytes) {
        super("object " + key + " is larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
