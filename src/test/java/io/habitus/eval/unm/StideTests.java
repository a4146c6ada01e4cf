package io.habitus.eval.unm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StideTests {

    private static Trace trace(int... calls) {
        return new Trace("t", 1, calls);
    }

    @Test
    void aTraceOfLearnedWindowsHasNoMismatch() {
        Stide stide = Stide.learn(List.of(trace(1, 2, 3, 4, 5, 6, 7, 8)), 3, 20);

        assertThat(stide.size()).isEqualTo(6);
        assertThat(stide.mismatches(trace(2, 3, 4, 5))).containsExactly(false, false);
        assertThat(stide.anomaly(trace(1, 2, 3, 4, 5, 6, 7, 8))).isZero();
    }

    @Test
    void oneForeignCallMismatchesEveryWindowThatHoldsIt() {
        Stide stide = Stide.learn(List.of(trace(1, 2, 3, 4, 5, 6, 7, 8)), 3, 20);

        // windows: 123 239 394 945 456 -> the three holding the 9 mismatch
        assertThat(stide.mismatches(trace(1, 2, 3, 9, 4, 5, 6))).containsExactly(false, true, true, true, false);
        assertThat(stide.anomaly(trace(1, 2, 3, 9, 4, 5, 6))).isEqualTo(3);
    }

    @Test
    void orderMattersNotOnlyTheCallsUsed() {
        Stide stide = Stide.learn(List.of(trace(1, 2, 3, 1, 2, 3)), 3, 20);

        assertThat(stide.anomaly(trace(3, 2, 1))).isEqualTo(1);
    }

    @Test
    void theLocalityFrameCountsMismatchesCloseTogether() {
        Stide stide = Stide.learn(List.of(trace(1, 1, 1, 1)), 2, 4);
        // every window holding a 2 mismatches: 1-2, 2-1 twice, far apart
        int[] calls = {1, 2, 1, 1, 1, 1, 1, 1, 2, 1};

        assertThat(stide.anomaly(trace(calls))).isEqualTo(2);
        assertThat(LocalityFrame.maxCount(new boolean[] {true, false, true, false, false, true}, 3)).isEqualTo(2);
        assertThat(LocalityFrame.maxCount(new boolean[] {true, true, true}, 20)).isEqualTo(3);
        assertThat(LocalityFrame.maxCount(new boolean[0], 20)).isZero();
    }

    @Test
    void aTraceShorterThanTheWindowIsOneShortWindow() {
        Stide stide = Stide.learn(List.of(trace(1, 2), trace(1, 2, 3, 4, 5, 6, 7)), 6, 20);

        assertThat(stide.mismatches(trace(1, 2))).containsExactly(false);
        assertThat(stide.mismatches(trace(2, 1))).containsExactly(true);
    }
}
