package com.companion.media;

import com.companion.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featuresStaySeparate() {
        ServiceArchitecture.verify("com.companion.media");
    }
}
