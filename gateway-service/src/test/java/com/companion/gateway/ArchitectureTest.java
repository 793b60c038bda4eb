package com.companion.gateway;

import com.companion.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featuresStaySeparateAndBeansAreConstructorInjected() {
        ServiceArchitecture.verify("com.companion.gateway");
    }
}
