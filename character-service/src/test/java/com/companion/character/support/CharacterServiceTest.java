package com.companion.character.support;

import com.companion.platform.test.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An integration test of the whole service. Each class gets its own consumer group: the broker is
 * shared by every context of the JVM, and cached contexts in one group would take each other's
 * partitions (and apply events to each other's databases). The context is closed after the class
 * so that only one runs at a time on a small machine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest(properties = "character.consumers.group-id=character-service-it-${random.uuid}")
@AutoConfigureRestTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(TestSupportConfiguration.class)
public @interface CharacterServiceTest {}
