package com.companion.platform.test;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points every {@link IntegrationTest} context at the shared broker and a fresh database. */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        IntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, IntegrationTest.class);
        if (annotation == null) {
            return null;
        }
        return new InfrastructureCustomizer(testClass.getName(), testClass.getSimpleName(), annotation.database());
    }

    /** Equal only for the same test class, so each class gets a context and a database of its own. */
    private record InfrastructureCustomizer(String testClassName, String hint, boolean database)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            List<String> properties = new ArrayList<>();
            properties.add("spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers());
            properties.add("platform.kafka.topics.partitions=2");
            // The listeners every turn passes through take one consumer per partition, as in the kit.
            properties.add("platform.kafka.hot-listener-concurrency=2");
            // A group of its own, so no other context in this JVM takes this one's partitions.
            properties.add("platform.kafka.consumer-group=it-" + hint.toLowerCase(java.util.Locale.ROOT) + "-"
                    + java.util.UUID.randomUUID());
            properties.add("platform.security.jwks-uri=" + TestJwks.shared().jwksUri());
            properties.add("platform.security.issuer=" + TestJwks.ISSUER);
            if (database) {
                TestPostgres.Database db = TestPostgres.newDatabase(hint);
                properties.add("spring.datasource.url=" + db.url());
                properties.add("spring.datasource.username=" + db.username());
                properties.add("spring.datasource.password=" + db.password());
                // Test contexts stay cached while others run; small pools keep PostgreSQL's connection limit far away.
                properties.add("spring.datasource.hikari.maximum-pool-size=4");
                properties.add("spring.datasource.hikari.minimum-idle=1");
            }
            TestPropertyValues.of(properties).applyTo(context);
        }
    }
}
