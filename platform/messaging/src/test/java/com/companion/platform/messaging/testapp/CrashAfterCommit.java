package com.companion.platform.messaging.testapp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a child JVM: registers a member and halts the JVM the instant the transaction has
 * committed, before any relay could publish (the relay is off, as if it had not run yet).
 * Arguments: JDBC URL, user, password, bootstrap servers, username.
 */
public final class CrashAfterCommit {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestMessagingApp.class)
                .run(
                        "--spring.datasource.url=" + args[0],
                        "--spring.datasource.username=" + args[1],
                        "--spring.datasource.password=" + args[2],
                        "--spring.kafka.bootstrap-servers=" + args[3],
                        "--platform.kafka.topics.partitions=2",
                        "--spring.kafka.listener.auto-startup=false",
                        "--platform.outbox.relay-enabled=false");
        context.getBean(Members.class).register(args[4]);
        System.out.println("COMMITTED");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    private CrashAfterCommit() {}
}
