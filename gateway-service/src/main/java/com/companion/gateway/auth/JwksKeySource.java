package com.companion.gateway.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-service's public keys, cached. A token whose {@code kid} is not in the cache makes the
 * set be fetched again (auth-service rotated its key), but at most once per cooldown, and
 * concurrent misses share one fetch. The set is also refreshed when older than its maximum age.
 * When auth-service cannot be reached, the keys already known keep working.
 */
final class JwksKeySource implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

    private final Mono<JWKSet> fetch;
    private final long maxAgeNanos;
    private final long cooldownNanos;
    private final LongSupplier nanoTime;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private final AtomicLong lastAttempt = new AtomicLong();

    JwksKeySource(WebClient client, EdgeAuthProperties properties) {
        this(
                client.get()
                        .uri(properties.jwksUri())
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(properties.jwksTimeout())
                        .map(JwksKeySource::parse),
                properties.jwksMaxAge(),
                properties.jwksRefreshCooldown(),
                System::nanoTime);
    }

    JwksKeySource(Mono<JWKSet> fetch, Duration maxAge, Duration cooldown, LongSupplier nanoTime) {
        this.fetch = fetch;
        this.maxAgeNanos = maxAge.toNanos();
        this.cooldownNanos = cooldown.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return current().flatMapMany(keys -> {
            List<JWK> matching = selector.select(keys);
            if (!matching.isEmpty() || !mayRefresh()) {
                return Flux.fromIterable(matching);
            }
            return refresh().flatMapIterable(selector::select);
        });
    }

    private Mono<JWKSet> current() {
        Snapshot known = snapshot.get();
        if (known != null && (nanoTime.getAsLong() - known.fetchedAt() < maxAgeNanos || !mayRefresh())) {
            return Mono.just(known.keys());
        }
        return refresh();
    }

    private boolean mayRefresh() {
        return snapshot.get() == null || nanoTime.getAsLong() - lastAttempt.get() >= cooldownNanos;
    }

    private Mono<JWKSet> refresh() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> started = Mono.defer(() -> {
                    lastAttempt.set(nanoTime.getAsLong());
                    return fetch;
                })
                .doOnNext(keys -> snapshot.set(new Snapshot(keys, nanoTime.getAsLong())))
                .onErrorResume(error -> {
                    Snapshot known = snapshot.get();
                    if (known == null) {
                        return Mono.error(error);
                    }
                    log.warn("could not refresh the JWKS, keeping the known keys: {}", error.toString());
                    return Mono.just(known.keys());
                })
                // Cleared on the first signal, before any waiting request sees it: a request that comes after
                // one was answered must not be handed the finished fetch (with the keys of before a rotation).
                .doOnEach(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, started) ? started : refresh();
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("auth-service answered a JWKS that does not parse", e);
        }
    }

    private record Snapshot(JWKSet keys, long fetchedAt) {}
}
