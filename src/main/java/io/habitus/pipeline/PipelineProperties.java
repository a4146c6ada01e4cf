package io.habitus.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event pipeline's group commit ({@link GroupCommit}).
 *
 * @param groupCommits     how many groups may be committing at once (each on its own connection); 0 commits
 *                         every batch in a transaction of its own
 * @param groupEvents      the most events one group's transaction carries
 * @param groupBatchEvents batches of more events than this commit alone: they amortise their transaction
 *                         themselves, and would only make their neighbours wait
 */
@Validated
@ConfigurationProperties("habitus.pipeline")
public record PipelineProperties(
        @Min(0) @Max(64) @DefaultValue("4") int groupCommits,
        @Min(1) @Max(100_000) @DefaultValue("2000") int groupEvents,
        @Min(1) @Max(100_000) @DefaultValue("100") int groupBatchEvents) {}
