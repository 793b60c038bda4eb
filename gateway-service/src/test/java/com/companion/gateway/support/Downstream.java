package com.companion.gateway.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One stub per service, started once per test JVM and shared by every gateway test context. */
public final class Downstream {

    public static final StubService AUTH = StubService.start("auth");
    public static final StubService CHARACTER = StubService.start("character");
    public static final StubService CHAT = StubService.start("chat");
    public static final StubService MEDIA = StubService.start("media");
    public static final StubService AD = StubService.start("ad");
    public static final StubService ANALYTICS = StubService.start("analytics");

    private Downstream() {}

    public static Map<String, StubService> all() {
        Map<String, StubService> all = new LinkedHashMap<>();
        all.put("auth", AUTH);
        all.put("character", CHARACTER);
        all.put("chat", CHAT);
        all.put("media", MEDIA);
        all.put("ad", AD);
        all.put("analytics", ANALYTICS);
        return all;
    }

    public static void forgetAll() {
        all().values().forEach(StubService::forget);
    }

    public static boolean noneReceivedAnything() {
        return all().values().stream().allMatch(StubService::receivedNothing);
    }

    /** Points the gateway's routes and key set at the stubs. */
    public static void register(DynamicPropertyRegistry registry) {
        all().forEach((name, stub) ->
                registry.add("gateway.routes." + name, () -> stub.uri().toString()));
        registry.add("gateway.auth.jwks-uri", () -> TestKeys.shared().jwksUri().toString());
    }
}
