package io.habitus.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fast path reads exactly what the ISO formatter reads, and leaves everything else to it. */
class UtcTimesTests {

    private static Instant iso(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Property(tries = 3000)
    void anyInstantWrittenInTheCommonFormReadsBackExactly(@ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        String text = instant.toString();
        assertThat(UtcTimes.parseCommonForm(text)).as(text).isEqualTo(instant).isEqualTo(iso(text));
    }

    @Property(tries = 3000)
    void digitsInEveryFieldAgreeWithTheFormatter(@ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 19) int month, @ForAll @IntRange(min = 0, max = 39) int day,
            @ForAll @IntRange(min = 0, max = 29) int hour, @ForAll @IntRange(min = 0, max = 69) int minute,
            @ForAll @IntRange(min = 0, max = 69) int second, @ForAll @IntRange(min = 0, max = 10) int fractionDigits) {
        String fraction = fractionDigits == 0 ? "" : "." + "1234567890".substring(0, fractionDigits);
        String text = "%04d-%02d-%02dT%02d:%02d:%02d%sZ".formatted(year, month, day, hour, minute, second, fraction);
        Instant fast = UtcTimes.parseCommonForm(text);
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(iso(text));
        } else {
            assertThat(iso(text)).as(text).isNull();
        }
    }

    @Test
    void otherFormsAreLeftToTheFormatter() {
        for (String text : new String[] {"2026-11-28T10:00:00+01:00", "2026-11-28T10:00Z", "2026-11-28 10:00:00Z",
            "2026-11-28T10:00:00.Z", "2026-11-28T10:00:00,5Z", "+2026-11-28T10:00:00Z", "2026-11-28T10:00:00.1234567890Z",
            "2026-1a-28T10:00:00Z", "2026-11-28T10:00:00z", ""}) {
            assertThat(UtcTimes.parseCommonForm(text)).as(text).isNull();
        }
        assertThat(UtcTimes.parseCommonForm("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(UtcTimes.parseCommonForm("2023-02-29T00:00:00Z")).isNull();
    }
}
