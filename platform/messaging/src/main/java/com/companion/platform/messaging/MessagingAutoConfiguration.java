package com.companion.platform.messaging;

import com.companion.platform.messaging.inbox.ProcessedEvents;
import com.companion.platform.messaging.inbox.ProcessedEventsJanitor;
import com.companion.platform.messaging.kafka.Batches;
import com.companion.platform.messaging.kafka.ConsumerErrors;
import com.companion.platform.messaging.kafka.MessagingProperties;
import com.companion.platform.messaging.kafka.PlatformTopics;
import com.companion.platform.messaging.kafka.TopicProperties;
import com.companion.platform.messaging.outbox.MicrometerTraceContext;
import com.companion.platform.messaging.outbox.Outbox;
import com.companion.platform.messaging.outbox.OutboxProperties;
import com.companion.platform.messaging.outbox.OutboxRelay;
import com.companion.platform.messaging.outbox.TraceContext;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration"
        },
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@EnableConfigurationProperties({OutboxProperties.class, TopicProperties.class, MessagingProperties.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler platformKafkaErrorHandler(KafkaTemplate<?, ?> template, MessagingProperties properties) {
        return ConsumerErrors.handler(template, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Batches platformBatches(
            ObjectProvider<TransactionOperations> transactions, ObjectProvider<ObservationRegistry> observations) {
        return new Batches(
                SingletonSupplier.of(transactions::getObject),
                SingletonSupplier.of(() -> observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
    }

    @Bean
    @ConditionalOnProperty(name = "platform.kafka.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(TopicProperties properties) {
        return new KafkaAdmin.NewTopics(
                PlatformTopics.all(properties).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    TraceContext traceContext(ObjectProvider<TracingBridge> tracing) {
        TracingBridge bridge = tracing.getIfAvailable();
        return bridge == null ? TraceContext.NONE : bridge.traceContext();
    }

    /** Only when Micrometer Tracing is on the classpath and a tracer is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class TracingConfiguration {

        @Bean
        @ConditionalOnBean(type = {"io.micrometer.tracing.Tracer", "io.micrometer.tracing.propagation.Propagator"})
        TracingBridge tracingBridge(
                io.micrometer.tracing.Tracer tracer, io.micrometer.tracing.propagation.Propagator propagator) {
            return new TracingBridge(new MicrometerTraceContext(tracer, propagator));
        }
    }

    record TracingBridge(TraceContext traceContext) {}

    /** The outbox and the idempotent-consumer record, for services that own a database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnBean(DataSource.class)
    static class DatabaseMessaging {

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(
                DataSource dataSource,
                PlatformTransactionManager transactionManager,
                KafkaTemplate<String, String> kafka,
                TraceContext traceContext,
                OutboxProperties properties) {
            return new OutboxRelay(
                    JdbcClient.create(dataSource),
                    new TransactionTemplate(transactionManager),
                    kafka,
                    traceContext,
                    properties);
        }

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(DataSource dataSource, OutboxRelay relay, TraceContext traceContext) {
            return new Outbox(JdbcClient.create(dataSource), relay, traceContext);
        }

        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents processedEvents(DataSource dataSource) {
            return new ProcessedEvents(JdbcClient.create(dataSource));
        }

        @Bean
        ProcessedEventsJanitor processedEventsJanitor(ProcessedEvents processed, MessagingProperties properties) {
            return new ProcessedEventsJanitor(processed, properties.processedRetention());
        }
    }

    /** Rows committed but not yet published: a growing backlog means the relay cannot reach the broker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(DataSource.class)
    static class OutboxMetrics {

        @Bean
        org.springframework.beans.factory.SmartInitializingSingleton outboxBacklogGauge(
                DataSource dataSource, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            return () -> registry.ifAvailable(r -> io.micrometer.core.instrument.Gauge.builder(
                            "outbox.backlog",
                            jdbc,
                            client -> client.sql("select count(*) from platform_outbox")
                                    .query(Long.class)
                                    .single())
                    .description("outbox rows committed and not yet acknowledged by the broker")
                    .register(r));
        }
    }

    /** The kit's tables, migrated by the service's own Flyway before its migrations. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
    static class MessagingMigrations {

        @Bean
        FlywayConfigurationCustomizer platformMessagingMigrations() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location("classpath:db/messaging"));
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
