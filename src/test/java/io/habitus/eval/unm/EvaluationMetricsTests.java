package io.habitus.eval.unm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvaluationMetricsTests {

    @Test
    void rocAucIsTheShareOfPositiveNegativePairsRankedRightWithTiesHalf() {
        assertThat(RocAuc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {1}, new double[] {2})).isEqualTo(0.0);
        assertThat(RocAuc.of(new double[] {2, 2}, new double[] {2, 2})).isEqualTo(0.5);
        // pairs: (3,1) win, (3,3) tie, (1,1) tie, (1,3) loss -> 2 / 4
        assertThat(RocAuc.of(new double[] {3, 1}, new double[] {1, 3})).isCloseTo(0.5, within(1e-12));
        assertThat(RocAuc.of(new double[0], new double[] {1})).isNaN();
    }

    @Test
    void atTheSameRateADetectorFlagsNoMoreNormalTracesThanAllowedAndCountsAttacksStrictlyAbove() {
        double[] normal = {0, 0, 1, 2, 2, 5};
        double[] attacks = {1, 2, 3, 5, 6};

        assertThat(AtSameRate.of(attacks, normal, 0)).isEqualTo(new AtSameRate(5, 1, 0));
        assertThat(AtSameRate.of(attacks, normal, 1)).isEqualTo(new AtSameRate(2, 3, 1));
        // ties at the cut stay unflagged: allowing two normal traces flags one, as the next two tie at 2
        assertThat(AtSameRate.of(attacks, normal, 2)).isEqualTo(new AtSameRate(2, 3, 1));
        assertThat(AtSameRate.of(attacks, normal, 3)).isEqualTo(new AtSameRate(1, 4, 3));
        assertThat(AtSameRate.of(attacks, normal, 6)).isEqualTo(new AtSameRate(Double.NEGATIVE_INFINITY, 5, 6));
    }

    @Test
    void theSplitIsFixedBySeedDisjointAndBounded() {
        List<Trace> traces = IntStream.range(0, 100).mapToObj(i -> new Trace("f", i, new int[] {i})).toList();
        TraceSplit first = TraceSplit.of(traces, 7, 0.7, 1000, 1000);
        TraceSplit again = TraceSplit.of(traces, 7, 0.7, 1000, 1000);
        TraceSplit bounded = TraceSplit.of(traces, 7, 0.7, 10, 5);

        assertThat(first.learning()).hasSize(70);
        assertThat(first.heldOut()).hasSize(30);
        assertThat(first.learning()).doesNotContainAnyElementsOf(first.heldOut());
        assertThat(again.learning()).isEqualTo(first.learning());
        assertThat(TraceSplit.of(traces, 8, 0.7, 1000, 1000).learning()).isNotEqualTo(first.learning());
        assertThat(bounded.learning()).isEqualTo(first.learning().subList(0, 10));
        assertThat(bounded.heldOut()).isEqualTo(first.heldOut().subList(0, 5));
        assertThat(TraceSplit.of(traces.subList(0, 2), 7, 0.7, 10, 10).heldOut()).hasSize(1);
    }

    @Test
    void theIncidentRowTakesTheServicesVerdictAndRanksByTheLargestContainerRisk() {
        Stide stide = Stide.learn(List.of(new Trace("n", 1, new int[] {1, 2, 3})), 2, 20);
        Trace trace = new Trace("t", 1, new int[] {1, 2});
        Map<Detector, Integer> levels = Map.of(Detector.STIDE, 1, Detector.ALLOWLIST, 1, Detector.MODEL, 5,
                Detector.COMBINED, 5);

        TraceOutcome noDetector = TraceOutcome.of(trace, stide, List.of(judged(null, false), judged(null, false)), 20, levels);
        TraceOutcome quiet = TraceOutcome.of(trace, stide, List.of(judged(0.4, false), judged(0.9, false)), 20, levels);
        // a risk past 1 without an incident (as an uncommitted answer would show) is not the tool's to flag
        TraceOutcome unopened = TraceOutcome.of(trace, stide, List.of(judged(1.4, false)), 20, levels);
        TraceOutcome raised = TraceOutcome.of(trace, stide, List.of(judged(0.7, false), judged(1.3, true), judged(1.6, true)),
                20, levels);

        assertThat(noDetector.flagged(Detector.INCIDENT)).isFalse();
        assertThat(noDetector.figure(Detector.INCIDENT)).isZero();
        assertThat(quiet.flagged(Detector.INCIDENT)).isFalse();
        assertThat(quiet.figure(Detector.INCIDENT)).isEqualTo(0.9);
        assertThat(unopened.flagged(Detector.INCIDENT)).isFalse();
        assertThat(raised.flagged(Detector.INCIDENT)).isTrue();
        assertThat(raised.figure(Detector.INCIDENT)).isEqualTo(1.6);
    }

    private static HabitusClient.Judged judged(Double risk, boolean incident) {
        return new HabitusClient.Judged("NORMAL", null, null, false, risk, incident);
    }
}
