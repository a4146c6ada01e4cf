package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MixCoveringTests {

    private static final int EVENTS = 200;

    /** Pairs drawn at random from {@code keys} keys starting at {@code first}. */
    private static long[] pairs(Random random, long first, int keys) {
        long[] pairs = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            pairs[i] = first + random.nextInt(keys);
        }
        return pairs;
    }

    private static DetectorCalibration.Trace trace(long[] pairs) {
        long[] sequences = new long[EVENTS];
        Arrays.fill(sequences, 7);
        return new DetectorCalibration.Trace(sequences, new long[EVENTS], new long[EVENTS], pairs);
    }

    /** 1,500 containers of a common program and six of a rare one with a mix of its own. */
    private static Map<String, DetectorCalibration.Trace> windowWithARareProgram(Random random) {
        Map<String, DetectorCalibration.Trace> traces = new LinkedHashMap<>();
        for (int c = 0; c < 1_500; c++) {
            traces.put("common-" + c, trace(pairs(random, 0, 20)));
        }
        for (int c = 0; c < 6; c++) {
            traces.put("rare-" + c, trace(pairs(random, 100, 20)));
        }
        return traces;
    }

    @Test
    void eachFoldGetsItsShareOfTheReferencesAndTheSharesAddUp() {
        // Exact shares 24.70, 25.91, 23.66, 0, 25.73: floors, then the three largest remainders get one more.
        int[] quotas = MixCovering.quotas(new int[] {143, 150, 137, 0, 149}, 100);

        assertThat(IntStream.of(quotas).sum()).isEqualTo(100);
        assertThat(quotas).containsExactly(25, 26, 23, 0, 26);
    }

    @Test
    void aWindowWithinTheBoundKeepsEveryContainer() {
        MixCovering.Choice choice = MixCovering.choose(new int[] {0, 1}, 2, 10, i -> {
            throw new AssertionError("no mix is needed to keep every container");
        });

        assertThat(choice.chosen()).containsExactly(0, 1);
        assertThat(choice.radius()).isZero();
    }

    @Test
    void aRareProgramsFewLearningRunsAreKeptWhereCommonNearDuplicatesGo() {
        Random random = new Random(11);
        Map<String, DetectorCalibration.Trace> traces = windowWithARareProgram(random);

        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 10, 0.01, 0.001, 100);

        MixReferences references = result.mix();
        assertThat(references.references).hasSize(100);
        long rareKept = references.references.stream()
                .filter(r -> r.whole().keys.length > 0 && r.whole().keys[0] >= 100).count();
        assertThat(rareKept).as("every run of the rare program").isEqualTo(6);
        assertThat(result.statistics()).containsEntry("mixHeldOutContainers", 1_506);

        MixVector freshRare = MixCalibration.reference(pairs(random, 100, 20)).atCheckpoints().get(3);
        MixVector freshCommon = MixCalibration.reference(pairs(random, 0, 20)).atCheckpoints().get(3);
        MixVector unseen = MixCalibration.reference(pairs(random, 500, 20)).atCheckpoints().get(3);
        assertThat(references.evidence(freshRare, 3)).as("a normal run of the rare program")
                .isLessThan(result.mixThreshold());
        assertThat(references.evidence(freshCommon, 3)).isLessThan(result.mixThreshold());
        assertThat(references.evidence(unseen, 3)).as("a mix no learning run had").isGreaterThan(2 * result.mixThreshold());
    }

    @Test
    void theChoiceDependsOnTheContainersNotOnTheOrderTheyArrived() {
        Map<String, DetectorCalibration.Trace> traces = windowWithARareProgram(new Random(12));
        Map<String, DetectorCalibration.Trace> reversed = new LinkedHashMap<>();
        List<String> ids = List.copyOf(traces.keySet()).reversed();
        ids.forEach(id -> reversed.put(id, traces.get(id)));

        MixCalibration.Result forward = MixCalibration.calibrate(traces, 10, 100);
        MixCalibration.Result backward = MixCalibration.calibrate(reversed, 10, 100);

        assertThat(backward.references().toBytes()).isEqualTo(forward.references().toBytes());
        assertThat(backward.heldOutPeaks()).isEqualTo(forward.heldOutPeaks());
    }
}
