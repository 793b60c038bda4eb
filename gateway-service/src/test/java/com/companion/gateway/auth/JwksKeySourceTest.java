package com.companion.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class JwksKeySourceTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JwksKeySource source = new JwksKeySource(
            Mono.fromSupplier(() -> {
                fetches.incrementAndGet();
                return published.get();
            }),
            Duration.ofMinutes(10),
            Duration.ofSeconds(10),
            now::get);

    @Test
    void knownKeysAreServedFromTheCache() throws Exception {
        RSAKey key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()));

        assertThat(keysFor("k1")).hasSize(1);
        assertThat(keysFor("k1")).hasSize(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void anUnknownKidRefetchesAtMostOncePerCooldown() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        keysFor("k1");
        now.addAndGet(Duration.ofSeconds(11).toNanos());

        assertThat(keysFor("forged-1")).isEmpty();
        assertThat(keysFor("forged-2")).isEmpty();
        assertThat(fetches).hasValue(2);

        RSAKey rotated = key("k2");
        published.set(new JWKSet(List.of(key("k1").toPublicJWK(), rotated.toPublicJWK())));
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(keysFor("k2")).extracting(JWK::getKeyID).containsExactly("k2");
        assertThat(fetches).hasValue(3);
    }

    @Test
    void keysAreRefreshedWhenTheyGrowOld() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        keysFor("k1");
        published.set(new JWKSet(key("k2").toPublicJWK()));
        now.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThat(keysFor("k1")).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFetchThatHasAnsweredIsNotHandedToTheNextRequestWhileItsResponseStillCloses() throws Exception {
        // The JWKS body has arrived but the exchange has not signalled completion yet: a request that
        // comes now (after a rotation) must fetch again, not reuse the answered fetch's keys.
        JwksKeySource slowToComplete = new JwksKeySource(
                Mono.fromDirect(Flux.defer(() -> {
                            fetches.incrementAndGet();
                            return Flux.just(published.get());
                        })
                        .concatWith(Mono.never())),
                Duration.ofMinutes(10),
                Duration.ZERO,
                now::get);
        published.set(new JWKSet(key("k1").toPublicJWK()));
        assertThat(slowToComplete.apply(jwt("k2")).collectList().block()).isEmpty();
        int before = fetches.get();

        published.set(new JWKSet(key("k2").toPublicJWK()));

        assertThat(slowToComplete.apply(jwt("k2")).collectList().block())
                .extracting(JWK::getKeyID)
                .containsExactly("k2");
        assertThat(fetches).hasValue(before + 1);
    }

    private static SignedJWT jwt(String kid) {
        return new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("u").build());
    }

    private List<JWK> keysFor(String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("u").build());
        return source.apply(jwt).collectList().block();
    }

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }
}
