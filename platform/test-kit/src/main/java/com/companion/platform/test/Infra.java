package com.companion.platform.test;

/** Which infrastructure tests run against: in-process/local by default, containers on request. */
final class Infra {

    static boolean containers() {
        String value = System.getProperty("platform.test.infra", System.getenv("PLATFORM_TEST_INFRA"));
        return "testcontainers".equalsIgnoreCase(value);
    }

    private Infra() {}
}
