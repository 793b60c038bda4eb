package com.companion.platform.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers, for machines with a Docker engine; started once per JVM and reused. */
final class Containers {

    private static KafkaContainer kafka;
    private static PostgreSQLContainer postgres;

    static synchronized String kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.2");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** An admin JDBC URL (database {@code postgres}) of a PostgreSQL container. */
    static synchronized TestPostgres.Server postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:17-alpine");
            postgres.start();
        }
        return new TestPostgres.Server(
                postgres.getHost(), postgres.getMappedPort(5432), postgres.getUsername(), postgres.getPassword());
    }

    private Containers() {}
}
