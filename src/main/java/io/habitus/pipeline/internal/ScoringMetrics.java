package io.habitus.pipeline.internal;

import io.habitus.shared.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Score call latency, as a histogram per outcome (the most severe verdict of the answer, so a
 * dashboard can tell the cost of calls that found something from those that did not), and
 * verdicts per event.
 */
@Component
public class ScoringMetrics {

    /** Most severe first: an answer is tagged with the first of these it contains. */
    private static final List<Verdict> SEVERITY = List.of(Verdict.VIOLATION, Verdict.ANOMALOUS, Verdict.UNKNOWN_IMAGE,
            Verdict.LEARNING, Verdict.NORMAL);

    private final MeterRegistry meters;
    private final Map<Verdict, Counter> verdicts = new EnumMap<>(Verdict.class);
    /** Per outcome and commit: registered once, since a registry lookup per call hashes and compares its tags. */
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();

    ScoringMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Verdict verdict : Verdict.values()) {
            verdicts.put(verdict, Counter.builder("habitus.score.verdicts")
                    .description("Events judged by score calls, by verdict")
                    .tag("verdict", verdict.name())
                    .register(meters));
        }
    }

    public void record(ScoreAnswer answer, long nanos) {
        String outcome = answer.duplicate() ? "DUPLICATE" : SEVERITY.stream()
                .filter(v -> answer.results().stream().anyMatch(s -> s.judgement().verdict() == v))
                .findFirst().map(Verdict::name).orElse("NONE");
        requests.computeIfAbsent(outcome + ' ' + answer.commit(), key -> Timer.builder("habitus.score.requests")
                .description("Score calls: latency by the most severe verdict of the answer and by commit")
                .tag("verdict", outcome)
                .tag("commit", Boolean.toString(answer.commit()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
        answer.results().forEach(scored -> verdicts.get(scored.judgement().verdict()).increment());
    }
}
