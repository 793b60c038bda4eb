package com.companion.platform.guard.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.companion.platform.guard.ContentGuard;
import com.companion.platform.guard.Verdict;
import com.companion.platform.guard.moderation.LayeredGuard;
import com.companion.platform.guard.rules.RuleGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GuardAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GuardAutoConfiguration.class));

    @Test
    void providesTheRulesAndTheLearnedLayerByDefault() {
        runner.run(context -> assertThat(context).getBean(ContentGuard.class).isSameAs(ContentGuard.local()));
    }

    @Test
    void leavesTheRulesAloneWhenTheLearnedLayerIsOff() {
        runner.withPropertyValues("platform.guard.learned.enabled=false")
                .run(context -> assertThat(context).getBean(ContentGuard.class).isInstanceOf(RuleGuard.class));
    }

    @Test
    void layersLlamaGuardWhenEnabled() {
        runner.withPropertyValues(
                        "platform.guard.moderation.enabled=true",
                        "platform.guard.moderation.api-key=k",
                        "platform.guard.moderation.timeout=800ms")
                .run(context -> assertThat(context).getBean(ContentGuard.class).isInstanceOf(LayeredGuard.class));
    }

    @Test
    void refusesToStartEnabledWithoutAKey() {
        runner.withPropertyValues("platform.guard.moderation.enabled=true")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void backsOffForAServicesOwnGuard() {
        ContentGuard own = (text, ctx) -> Verdict.allow();
        runner.withBean(ContentGuard.class, () -> own)
                .run(context -> assertThat(context).getBean(ContentGuard.class).isSameAs(own));
    }
}
