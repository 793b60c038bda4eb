package com.companion.auth.token.internal;

import com.companion.auth.token.TokenProperties;
import com.companion.auth.token.internal.SigningKeyStore.StoredKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RS256 key ring, shared through the database by every instance.
 *
 * <p>Keys are ordered by the instant they start signing. The active key is the latest one whose
 * turn has come; each instance picks it by its own clock from the keys it has loaded, so the
 * switch to a new key needs no coordination. A new key is created {@code publish-ahead} before
 * its turn (so verifiers' cached key sets already hold it) once the active key has signed for
 * {@code rotation-period} minus that. A retired key stays published until every token it signed
 * has expired, plus a grace, and is then deleted with its private key. Rotation runs under a
 * PostgreSQL advisory lock so that instances never create two successors.
 *
 * <p>Private keys are stored AES-GCM encrypted ({@link KeyEncryption}). When the active key was
 * sealed under a different key-encryption key (the configured key changed, or a local run
 * generated one), a new key takes over at once and the old one is only published until its
 * tokens expire.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration FORCED_REFRESH_SPACING = Duration.ofSeconds(10);

    /** The key that signs now. */
    public record ActiveKey(String kid, RSAPrivateKey privateKey) {}

    /** A stored key as this instance can use it; no private key when it was sealed under another KEK. */
    private record LoadedKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant activatesAt) {}

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final TokenProperties.Keys settings;
    private final Duration retention;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile List<LoadedKey> loaded = List.of();
    private volatile long lastForcedRefreshNanos = System.nanoTime() - FORCED_REFRESH_SPACING.toNanos();

    SigningKeys(
            SigningKeyStore store,
            TokenProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.settings = properties.keys();
        this.retention = properties.accessTokenTtl().plus(settings.retirementGrace());
        this.clock = clock;
        this.encryption = keyEncryption(settings);
        // Never part of a caller's transaction: the advisory lock must be held only for the rotation.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static KeyEncryption keyEncryption(TokenProperties.Keys settings) {
        if (settings.encryptionKey() != null && !settings.encryptionKey().isBlank()) {
            return KeyEncryption.fromBase64(settings.encryptionKey());
        }
        if (settings.requireEncryptionKey()) {
            throw new IllegalStateException(
                    "AUTH_KEY_ENCRYPTION_KEY is required (auth.tokens.keys.require-encryption-key=true) but not set");
        }
        log.warn("""

                ************************************************************************************
                AUTH_KEY_ENCRYPTION_KEY is not set. Signing keys are encrypted under a key generated
                for this process only: each restart starts a new signing key, and instances cannot
                share keys. Fine for a local run; set AUTH_KEY_ENCRYPTION_KEY (32 random bytes,
                base64) everywhere else, e.g. from `openssl rand -base64 32`, kept in a secret store.
                ************************************************************************************""");
        return KeyEncryption.ephemeral();
    }

    /** Loads (and if needed creates) the keys before the service answers its first request. */
    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    @Scheduled(
            initialDelayString = "${auth.tokens.keys.refresh-interval:1m}",
            fixedDelayString = "${auth.tokens.keys.refresh-interval:1m}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("could not refresh the signing keys; keeping the ones loaded", e);
        }
    }

    /** Rotates when due, forgets expired keys and reloads the key ring from the database. */
    public synchronized void refresh() {
        List<StoredKey> stored = ownTransaction.execute(status -> {
            store.lockForRotation();
            return rotate(store.all(), clock.instant());
        });
        List<LoadedKey> keys = new ArrayList<>();
        for (StoredKey key : stored) {
            keys.add(load(key));
        }
        loaded = List.copyOf(keys);
    }

    public ActiveKey active() {
        Optional<LoadedKey> key = activeAt(loaded, clock.instant()).filter(k -> k.privateKey() != null);
        if (key.isEmpty()) {
            refresh();
            key = activeAt(loaded, clock.instant()).filter(k -> k.privateKey() != null);
        }
        LoadedKey usable = key.orElseThrow(() -> new IllegalStateException("no usable signing key"));
        return new ActiveKey(usable.kid(), usable.privateKey());
    }

    /** The keys a verifier needs now: the next one, the active one and retired ones still in use. */
    public JWKSet published() {
        Instant now = clock.instant();
        List<LoadedKey> keys = loaded;
        List<JWK> jwks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Instant successorStarts = i + 1 < keys.size() ? keys.get(i + 1).activatesAt() : null;
            boolean retired = successorStarts != null && !successorStarts.isAfter(now);
            if (!retired || successorStarts.plus(retention).isAfter(now)) {
                jwks.add(jwk(keys.get(i)));
            }
        }
        return new JWKSet(jwks);
    }

    /**
     * The published keys for this service's own token verification. A token naming a key this
     * instance has not loaded yet (created by another instance a moment ago) triggers one reload,
     * at most every few seconds so that forged key ids cannot hammer the database.
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(published());
            if (found.isEmpty() && mayForceRefresh()) {
                refresh();
                found = selector.select(published());
            }
            return found;
        };
    }

    private boolean mayForceRefresh() {
        long now = System.nanoTime();
        long last = lastForcedRefreshNanos;
        if (now - last < FORCED_REFRESH_SPACING.toNanos()) {
            return false;
        }
        lastForcedRefreshNanos = now;
        return true;
    }

    private List<StoredKey> rotate(List<StoredKey> keys, Instant now) {
        boolean changed = false;
        for (int i = 0; i + 1 < keys.size(); i++) {
            Instant successorStarts = keys.get(i + 1).activatesAt();
            if (!successorStarts.plus(retention).isAfter(now)) {
                store.delete(keys.get(i).kid());
                log.info(
                        "deleted signing key {}: every token it signed has expired",
                        keys.get(i).kid());
                changed = true;
            }
        }
        for (StoredKey key : keys) {
            if (key.activatesAt().isAfter(now) && !key.kekId().equals(encryption.kekId())) {
                store.delete(key.kid());
                changed = true;
            }
        }
        if (changed) {
            keys = store.all();
        }
        StoredKey active = null;
        boolean hasSuccessor = false;
        for (StoredKey key : keys) {
            if (key.activatesAt().isAfter(now)) {
                hasSuccessor = true;
            } else {
                active = key;
            }
        }
        if (active == null) {
            StoredKey created = create(now, now);
            log.info("created signing key {}", created.kid());
        } else if (!active.kekId().equals(encryption.kekId())) {
            StoredKey created = create(now, now);
            log.warn(
                    "active signing key {} is encrypted under a different AUTH_KEY_ENCRYPTION_KEY; key {} signs from"
                            + " now on and {} stays published until its tokens expire",
                    active.kid(),
                    created.kid(),
                    active.kid());
        } else if (!hasSuccessor) {
            Instant due = active.activatesAt().plus(settings.rotationPeriod());
            if (!now.isBefore(due.minus(settings.publishAhead()))) {
                Instant earliest = now.plus(settings.publishAhead());
                StoredKey created = create(now, due.isAfter(earliest) ? due : earliest);
                log.info("published signing key {}; it signs from {}", created.kid(), created.activatesAt());
            } else {
                return keys;
            }
        } else {
            return keys;
        }
        return store.all();
    }

    private StoredKey create(Instant now, Instant activatesAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(settings.rsaKeySize());
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            String kid =
                    new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            StoredKey key = new StoredKey(
                    kid,
                    publicKey.getEncoded(),
                    encryption.encrypt(kid, pair.getPrivate().getEncoded()),
                    encryption.kekId(),
                    now,
                    activatesAt);
            store.insert(key);
            return key;
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot create a signing key", e);
        }
    }

    private LoadedKey load(StoredKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            RSAPrivateKey privateKey = null;
            if (stored.kekId().equals(encryption.kekId())) {
                try {
                    privateKey = (RSAPrivateKey) rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(encryption.decrypt(stored.kid(), stored.privateKey())));
                } catch (GeneralSecurityException e) {
                    log.error("signing key {} does not decrypt: its stored private key was altered", stored.kid());
                }
            }
            return new LoadedKey(stored.kid(), publicKey, privateKey, stored.activatesAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + stored.kid() + " is not an RSA key", e);
        }
    }

    private static Optional<LoadedKey> activeAt(List<LoadedKey> keys, Instant now) {
        LoadedKey active = null;
        for (LoadedKey key : keys) {
            if (!key.activatesAt().isAfter(now)) {
                active = key;
            }
        }
        return Optional.ofNullable(active);
    }

    private static JWK jwk(LoadedKey key) {
        return new RSAKey.Builder(key.publicKey())
                .keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }
}
