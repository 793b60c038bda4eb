package com.companion.auth.token.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final KeyEncryption encryption = KeyEncryption.fromBase64(KEY);
    private final byte[] secret = "-----private key bytes-----".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpensWithARandomIvEachTime() throws GeneralSecurityException {
        byte[] first = encryption.encrypt("kid-1", secret);
        byte[] second = encryption.encrypt("kid-1", secret);
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(encryption.decrypt("kid-1", first)).isEqualTo(secret);
    }

    @Test
    void aCiphertextDoesNotOpenUnderAnotherKeyIdOrWhenAltered() {
        byte[] sealed = encryption.encrypt("kid-1", secret);
        assertThatThrownBy(() -> encryption.decrypt("kid-2", sealed)).isInstanceOf(GeneralSecurityException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> encryption.decrypt("kid-1", sealed)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anotherKeyEncryptionKeyHasAnotherIdAndCannotOpen() {
        KeyEncryption other = KeyEncryption.ephemeral();
        assertThat(other.kekId()).isNotEqualTo(encryption.kekId());
        assertThat(encryption.kekId())
                .isEqualTo(KeyEncryption.fromBase64(KEY).kekId())
                .doesNotContain(KEY);
        byte[] sealed = encryption.encrypt("kid-1", secret);
        assertThatThrownBy(() -> other.decrypt("kid-1", sealed)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesKeysThatAreNot256Bits() {
        assertThatThrownBy(() -> KeyEncryption.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyEncryption.fromBase64("not base64 at all!")).hasMessageContaining("base64");
    }
}
