package com.companion.analytics;

import com.companion.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featuresStaySeparate() {
        ServiceArchitecture.verify("com.companion.analytics");
    }
}
