package io.habitus.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Time per step of the pipeline ({@code habitus.pipeline.step}, tagged by step), and the batches
 * per group commit ({@code habitus.pipeline.group.batches}): where a request's time goes, from the
 * service's own metrics (bench/scoring.sh prints them per phase). Timers are registered once; a
 * step costs two clock reads.
 */
@Component
class PipelineSteps {

    enum Step {
        STORE, STATE, LEARN, JUDGE, AUDIT, EVIDENCE, ALERT, COMMIT, WHAT_IF_STATE, WHAT_IF_JUDGE, WHAT_IF_EVIDENCE
    }

    private final Map<Step, Timer> timers = new EnumMap<>(Step.class);
    private final DistributionSummary groups;

    PipelineSteps(MeterRegistry meters) {
        for (Step step : Step.values()) {
            timers.put(step, Timer.builder("habitus.pipeline.step")
                    .description("Time in each step of the event pipeline (per group of batches on the committed path)")
                    .tag("step", step.name().toLowerCase())
                    .register(meters));
        }
        groups = DistributionSummary.builder("habitus.pipeline.group.batches")
                .description("Batches committed together in one transaction (group commit)")
                .register(meters);
    }

    /** Records the step that began at {@code since}; returns now, when the next one begins. */
    long lap(Step step, long since) {
        long now = System.nanoTime();
        timers.get(step).record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    void record(Step step, long nanos) {
        timers.get(step).record(nanos, TimeUnit.NANOSECONDS);
    }

    void group(int batches) {
        groups.record(batches);
    }
}
