package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

class SchedulingTests extends IntegrationTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aLongFixedDelayTaskDoesNotHoldUpTheOthers() throws InterruptedException {
        // A training job runs for minutes on a scheduler thread; alert delivery and the other pollers must go on.
        CountDownLatch othersRan = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        ScheduledFuture<?> longTask = scheduler.scheduleWithFixedDelay(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(10));
        ScheduledFuture<?> shortTask = scheduler.scheduleWithFixedDelay(othersRan::countDown, Duration.ofMillis(10));
        try {
            assertThat(othersRan.await(10, TimeUnit.SECONDS)).as("the short task ran while the long one was running").isTrue();
        } finally {
            release.countDown();
            longTask.cancel(true);
            shortTask.cancel(true);
        }
    }
}
