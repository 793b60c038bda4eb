package com.companion.auth.account.internal;

import com.companion.auth.account.PasswordProperties;
import com.companion.platform.web.problem.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing and verification. Passwords are NFKC-normalised first, so the same password
 * typed on two keyboards that compose characters differently still matches.
 *
 * <p>Verifying against no hash (an unknown account) checks the password against a dummy hash of
 * the same cost, so the answer takes as long as for a real account. Each Argon2 run holds
 * {@code memoryKib} of memory, so only a bounded number run at once; the rest wait briefly, then
 * get 503 rather than exhaust the heap. Runs are timed in {@code auth.password.hashing}.
 */
@Component
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore permits;
    private final Duration queueTimeout;
    private final String dummyHash;
    private final Timer hashTimer;
    private final Timer verifyTimer;

    PasswordHasher(PasswordProperties properties, MeterRegistry meters) {
        PasswordProperties.Argon2 argon2 = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(16, 32, argon2.parallelism(), argon2.memoryKib(), argon2.iterations());
        this.permits = new Semaphore(properties.maxConcurrentHashes(), true);
        this.queueTimeout = properties.hashQueueTimeout();
        this.hashTimer = Timer.builder("auth.password.hashing")
                .description("Argon2id computations")
                .tag("operation", "hash")
                .register(meters);
        this.verifyTimer = Timer.builder("auth.password.hashing")
                .description("Argon2id computations")
                .tag("operation", "verify")
                .register(meters);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return bounded(hashTimer, () -> encoder.encode(normalise(password)));
    }

    /** True only when {@code hash} is present and matches; with no hash, spends the same work and answers false. */
    public boolean verify(String password, String hash) {
        String against = hash == null ? dummyHash : hash;
        boolean matches = bounded(verifyTimer, () -> encoder.matches(normalise(password), against));
        return hash != null && matches;
    }

    /** Whether a stored hash was made with other parameters than today's and should be replaced. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T bounded(Timer timer, Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "busy",
                    "Service Unavailable",
                    "Too many sign-ins at once. Please try again in a moment.");
        }
        try {
            return timer.record(work);
        } finally {
            permits.release();
        }
    }
}
