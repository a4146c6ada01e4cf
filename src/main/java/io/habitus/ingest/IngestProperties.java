package io.habitus.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and retention of ingest.
 *
 * @param maxEventsPerBatch more gives 413
 * @param maxStringLength longest string anywhere in an event; longer gives a rejected event
 * @param maxArgs most process arguments per event
 * @param retention how long raw events and batch ids are kept; events older than this are refused
 * @param maxClockSkew how far in the future an event's time may lie (agent clocks drift)
 * @param partitionsAhead how many days of event partitions are created in advance
 */
@Validated
@ConfigurationProperties("habitus.ingest")
public record IngestProperties(
        @Min(1) @Max(100_000) @DefaultValue("10000") int maxEventsPerBatch,
        @Min(16) @Max(1_000_000) @DefaultValue("4096") int maxStringLength,
        @Min(1) @Max(100_000) @DefaultValue("256") int maxArgs,
        @NotNull @DefaultValue("30d") Duration retention,
        @NotNull @DefaultValue("1h") Duration maxClockSkew,
        @Min(1) @Max(60) @DefaultValue("3") int partitionsAhead) {}
