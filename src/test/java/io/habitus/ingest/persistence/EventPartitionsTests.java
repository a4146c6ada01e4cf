package io.habitus.ingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EventPartitionsTests extends IntegrationTest {

    @Autowired
    EventPartitions partitions;

    @Test
    void startupCreatesDailyPartitionsFromRetentionUntilDaysAhead() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(partitions.existing()).contains(name(today), name(today.plusDays(3)), name(today.minusDays(30)));
    }

    @Test
    void partitionsOlderThanTheWindowAreDroppedAndMissingOnesCreated() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        partitions.maintain(today.minusDays(40), today.plusDays(5));
        assertThat(partitions.existing()).contains(name(today.minusDays(40)), name(today.plusDays(5)));

        partitions.maintain(today.minusDays(30), today.plusDays(3));

        assertThat(partitions.existing()).doesNotContain(name(today.minusDays(40)), name(today.minusDays(31)))
                .contains(name(today.minusDays(30)), name(today.plusDays(5)));
    }

    private static String name(LocalDate day) {
        return "ingest_event_p" + day.toString().replace("-", "");
    }
}
