package com.companion.media.testing;

import com.companion.platform.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * media-service against real infrastructure: the test kit's Kafka and PostgreSQL, and S3Mock in a
 * process of its own (the test kit's {@link com.companion.platform.test.TestS3}, see {@link MediaS3}). The scheduled sweeps are slowed down so tests run them when
 * they mean to.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest(properties = "media.cleanup.interval=1h")
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = MediaS3.class)
public @interface MediaIntegrationTest {}
