package com.companion.auth.support;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points every test context of auth-service at the test JVM's SMTP server ({@link TestSmtp}). */
class SmtpContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SmtpCustomizer(testClass.isAnnotationPresent(SmtpUnreachable.class));
    }

    private record SmtpCustomizer(boolean unreachable) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of(
                            "spring.mail.host=127.0.0.1",
                            "spring.mail.port=" + (unreachable ? closedPort() : TestSmtp.port()),
                            "auth.mail.first-retry=200ms",
                            "auth.mail.max-retry=1s",
                            "auth.mail.poll-interval=500ms")
                    .applyTo(context);
        }

        private static int closedPort() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
