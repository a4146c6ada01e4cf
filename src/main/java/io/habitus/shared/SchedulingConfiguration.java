package io.habitus.shared;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled work on a pool of threads ({@code spring.task.scheduling.pool.*}). With virtual threads
 * enabled Spring Boot would schedule on a {@code SimpleAsyncTaskScheduler}, which runs every
 * fixed-delay task on its one scheduler thread: while a model trained (minutes on a large image), alert
 * delivery, learning-statistics flushes, active-version refreshes and container-detector builds all
 * waited behind it. A pool runs each due task on a free thread.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }
}
