package com.companion.auth.token;

import com.companion.auth.token.internal.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JwksController {

    private final SigningKeys keys;
    private final CacheControl cacheControl;

    JwksController(SigningKeys keys, TokenProperties properties) {
        this.keys = keys;
        this.cacheControl = CacheControl.maxAge(properties.keys().jwksMaxAge()).cachePublic();
    }

    @Operation(
            summary = "The public keys that verify access tokens",
            description = "The next key (published ahead of use), the active key and every retired key whose"
                    + " tokens may still be valid.")
    @GetMapping(path = "/auth/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(cacheControl)
                .body(keys.published().toJSONObject(true));
    }
}
