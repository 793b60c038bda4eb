package com.companion.auth.token.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for private signing keys at rest. The sealed form is {@code iv || ciphertext+tag};
 * the key id is authenticated data, so a ciphertext moved to another row does not decrypt. The
 * key-encryption key is named by a fingerprint ({@link #kekId()}), never stored.
 */
public final class KeyEncryption {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey kek;
    private final String kekId;
    private final boolean generated;

    private KeyEncryption(byte[] keyBytes, boolean generated) {
        this.kek = new SecretKeySpec(keyBytes, "AES");
        this.kekId = fingerprint(keyBytes);
        this.generated = generated;
    }

    /** From the base64 (standard or URL-safe) value of {@code AUTH_KEY_ENCRYPTION_KEY}. */
    public static KeyEncryption fromBase64(String encoded) {
        byte[] bytes;
        try {
            String value = encoded.strip();
            bytes = value.contains("-") || value.contains("_")
                    ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AUTH_KEY_ENCRYPTION_KEY is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "AUTH_KEY_ENCRYPTION_KEY must be 32 bytes (256 bits) of base64, got " + bytes.length + " bytes");
        }
        return new KeyEncryption(bytes, false);
    }

    /** A random key that lives as long as this process: for a local run without configuration. */
    public static KeyEncryption ephemeral() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new KeyEncryption(bytes, true);
    }

    public String kekId() {
        return kekId;
    }

    public boolean generated() {
        return generated;
    }

    public byte[] encrypt(String kid, byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a signing key", e);
        }
    }

    /** Throws when the data was not sealed by this key for this key id, or was altered. */
    public byte[] decrypt(String kid, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length <= IV_BYTES) {
            throw new GeneralSecurityException("sealed key too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("companion-auth/kek-id/v1".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(keyBytes);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
