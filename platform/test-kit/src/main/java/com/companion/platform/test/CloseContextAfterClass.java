package com.companion.platform.test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes an {@link IntegrationTest} context when its class is done. Each such context has a
 * database of its own and is never reused by another class, and a context left running would
 * keep consuming from the shared broker while the next class runs.
 */
class CloseContextAfterClass extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), IntegrationTest.class) != null
                && testContext.hasApplicationContext()) {
            testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
        }
    }
}
