package com.companion.worker.reply;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplyConfiguration {

    /** One thread for every session's delayed chunk flushes; the flushes themselves run on virtual threads. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService chunkFlushTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("chunk-flush-timer").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
