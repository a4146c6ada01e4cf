package io.habitus.eval.unm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
}
