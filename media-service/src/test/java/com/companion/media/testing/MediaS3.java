package com.companion.media.testing;

import com.companion.platform.test.TestS3;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points media-service's own bucket ({@code media.s3.*}) at the test kit's S3 server, besides the export kit's
 * ({@code platform.export.*}, set by {@link TestS3.Initializer}): both use the one test bucket.
 */
public final class MediaS3 implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new TestS3.Initializer().initialize(context);
        String url = TestS3.endpoint().toString();
        TestPropertyValues.of(
                        "media.s3.endpoint=" + url,
                        "media.s3.public-endpoint=" + url,
                        "media.s3.bucket=" + TestS3.BUCKET,
                        "media.s3.region=" + TestS3.REGION)
                .applyTo(context);
    }
}
