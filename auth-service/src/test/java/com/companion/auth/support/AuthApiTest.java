package com.companion.auth.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * auth-service driven through its HTTP API, with its database and the user events it publishes at
 * hand. Subclasses add {@code @IntegrationTest} with their own properties.
 */
@AutoConfigureRestTestClient
public abstract class AuthApiTest {

    protected static UserEventsProbe events;

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeAll
    static void openProbe() {
        events = new UserEventsProbe();
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @BeforeEach
    void connectApi() {
        api = new Api(http);
    }
}
