package com.companion.platform.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service that adopts the kit the way real services do. */
@SpringBootApplication
public class TestMessagingApp {}
