package com.companion.media.upload;

import com.companion.media.validation.ValidationProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the servlet's multipart limits are below a per-kind limit: such an upload
 * would be cut off by the container with a message that names the wrong limit.
 */
@Component
class MultipartLimitsCheck implements InitializingBean {

    private final MultipartConfigElement multipart;
    private final ValidationProperties limits;

    MultipartLimitsCheck(MultipartConfigElement multipart, ValidationProperties limits) {
        this.multipart = multipart;
        this.limits = limits;
    }

    @Override
    public void afterPropertiesSet() {
        long largest = limits.largestMaxBytes();
        if (bounded(multipart.getMaxFileSize()) < largest || bounded(multipart.getMaxRequestSize()) < largest) {
            throw new IllegalStateException(
                    "spring.servlet.multipart.max-file-size and max-request-size must be at least " + largest
                            + " bytes, the largest media.validation.*-max-size");
        }
    }

    private static long bounded(long limit) {
        return limit < 0 ? Long.MAX_VALUE : limit;
    }
}
