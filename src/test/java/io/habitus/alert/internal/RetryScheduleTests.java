package io.habitus.alert.internal;

import io.habitus.alert.TestAlerts;

import io.habitus.alert.SinkType;
import io.habitus.alert.AlertSink;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Backoff between attempts, the sink's Retry-After, and which answers are worth another attempt. */
class RetryScheduleTests {

    private final AlertSink sink = TestAlerts.sink("hook", SinkType.WEBHOOK, null, null, DataSize.ofMegabytes(1));

    @RepeatedTest(20)
    void eachAttemptWaitsAboutTwiceAsLongWithinItsJitterUpToTheCap() {
        // initial 1 s, multiplier 2, jitter 0.5 (never below the initial interval), cap 5 min
        assertThat(RetrySchedule.after(sink, 1, null)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(RetrySchedule.after(sink, 3, null)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(RetrySchedule.after(sink, 6, null)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(48));
        assertThat(RetrySchedule.after(sink, 20, null)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
    }

    @Test
    void jitterSpreadsTheRetriesOfManyDeliveries() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> RetrySchedule.after(sink, 5, null))
                .distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheCap() {
        assertThat(RetrySchedule.after(sink, 1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetrySchedule.after(sink, 1, Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetrySchedule.after(sink, 1, Duration.ZERO)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1500));
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(SinkClient.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SinkClient.retryAfter("Sun, 06 Dec 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SinkClient.retryAfter("soon", now)).isNull();
        assertThat(SinkClient.retryAfter(null, now)).isNull();
    }

    @Test
    void onlyNoAnswerTimeoutsThrottlingAndServerErrorsAreRetried() {
        assertThat(new SinkClient.Outcome(null, null, "ConnectException").retryable()).isTrue();
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(new SinkClient.Outcome(status, null, null).retryable()).as("HTTP %d", status).isTrue();
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 410, 413, 422}) {
            assertThat(new SinkClient.Outcome(status, null, null).retryable()).as("HTTP %d", status).isFalse();
        }
        assertThat(new SinkClient.Outcome(202, null, null).delivered()).isTrue();
    }

    @Test
    void aSinkNeverShowsItsUrlPathOrSecret() {
        AlertSink slack = TestAlerts.sink("slack", SinkType.SLACK, "hmac-key", null, DataSize.ofMegabytes(1));
        assertThat(slack.toString()).doesNotContain("secret-path", "hmac-key").contains("https://hooks.example.com");
        assertThat(slack.target()).isEqualTo("https://hooks.example.com");
    }
}
