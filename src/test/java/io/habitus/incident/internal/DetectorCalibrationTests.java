package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.shared.RateBound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorCalibrationTests {

    /** The default habitus.incident.model-share. */
    private static final double MODEL_SHARE = 0.001;

    /** 400 containers cycling through 50 sequences in random order: every one is seen by every fold. */
    private static Map<String, DetectorCalibration.Trace> regularWindow(Random random) {
        return regularWindow(random, 400, 200);
    }

    private static Map<String, DetectorCalibration.Trace> regularWindow(Random random, int containers, int events) {
        Map<String, DetectorCalibration.Trace> traces = new LinkedHashMap<>();
        for (int c = 0; c < containers; c++) {
            long[] trace = new long[events];
            long[] pairs = new long[events];
            for (int i = 0; i < trace.length; i++) {
                trace[i] = 1 + random.nextInt(50);
                pairs[i] = random.nextInt(20);
            }
            // The process's own sequences untraced (zeros), as in a window traced before they were: they count as learned.
            traces.put("container-" + c, new DetectorCalibration.Trace(trace, new long[events], new long[events], pairs));
        }
        return traces;
    }

    @Test
    void aWindowWithoutHeldOutNoveltyGetsTheBinomialFloor() {
        DetectorCalibration.Result result = DetectorCalibration.calibrate(regularWindow(new Random(1)), 4, 0.01, MODEL_SHARE, 1000);

        assertThat(result.threshold()).as("the binomial floor: a ninth of the target")
                .isEqualTo(-Math.log10(0.01 / 9));
        assertThat(result.learned().size()).isEqualTo(50);
        assertThat(result.statistics()).containsEntry("heldOutContainers", 400);
        assertThat((long) result.statistics().get("heldOutContainersPast"))
                .isLessThanOrEqualTo((long) result.statistics().get("containersAllowedPast"));
    }

    /** A window whose novelty comes in bursts: a tenth of its containers each run something new for a while. */
    private static Map<String, DetectorCalibration.Trace> burstyWindow(int containers) {
        Map<String, DetectorCalibration.Trace> traces = regularWindow(new Random(5), containers, 200);
        for (int c = 0; c < containers / 10; c++) {
            long[] trace = traces.get("container-" + c).sequences();
            int start = (c * 7) % 150;
            for (int i = 0; i < 5 + c % 20; i++) {
                trace[start + i] = 1_000_000L * (c + 1) + i;
            }
        }
        return traces;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWindowThatCertifiesItsThresholdsWeighsNoveltyWithItsMeasuredDispersion() {
        DetectorCalibration.Result large = DetectorCalibration.calibrate(burstyWindow(1000), 10, 0.01, MODEL_SHARE, 1000);

        assertThat((long) large.statistics().get("containersAllowedPast")).isPositive();
        double rho = ((List<Double>) large.statistics().get("noveltyDispersions")).get(EventSequences.SEQUENCE);
        assertThat(rho).as("bursts: far more spread than independent events").isGreaterThan(0.05);
        assertThat(large.novelty().dispersions()[EventSequences.SEQUENCE]).isEqualTo(rho);
        assertThat(large.statistics()).containsEntry("thresholdFloor", DetectorCalibration.CERTIFIED_FLOOR);
        SequenceNovelty novelty = large.novelty();
        assertThat(novelty.evidence(EventSequences.SEQUENCE, 12, 120))
                .as("a short run whose tenth is new outweighs a long life with a few bursts")
                .isGreaterThan(novelty.evidence(EventSequences.SEQUENCE, 60, 4000));
        long past = (long) large.statistics().get("heldOutContainersPast");
        assertThat(past).isLessThanOrEqualTo((long) large.statistics().get("containersAllowedPast"));

        DetectorCalibration.Result small = DetectorCalibration.calibrate(burstyWindow(300), 10, 0.01, MODEL_SHARE, 1000);
        assertThat((long) small.statistics().get("containersAllowedPast")).isZero();
        assertThat(small.novelty().dispersions()).as("too small to certify: the binomial").containsOnly(0.0);
        assertThat(small.statistics()).containsEntry("thresholdFloor", -Math.log10(0.01 / 9));
    }

    @Test
    void theThresholdLetsAtMostTheTargetShareOfHeldOutContainersPast() {
        Random random = new Random(2);
        Map<String, DetectorCalibration.Trace> traces = regularWindow(random);
        // A tenth of the containers each do something of their own, some of it a lot.
        for (int c = 0; c < 40; c++) {
            long[] trace = traces.get("container-" + c).sequences();
            for (int i = 0; i < 5 + c; i++) {
                trace[(i * 3) % trace.length] = 1_000_000L * (c + 1) + i;
            }
        }

        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 4, 0.01, MODEL_SHARE, 1000);

        long past = (long) result.statistics().get("heldOutContainersPast");
        assertThat(past).isLessThanOrEqualTo((long) result.statistics().get("containersAllowedPast"));
        assertThat(past / 400.0).isLessThanOrEqualTo(0.01 / 3);
        assertThat(result.threshold()).isGreaterThan(-Math.log10(0.01 / 9));
        assertThat(result.learned().size()).as("complete memory: every sequence of the window").isEqualTo(50 + 40 * 5 + 39 * 40 / 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiguresNameTheHeldOutContainersThatSetEachThreshold() {
        Map<String, DetectorCalibration.Trace> traces = regularWindow(new Random(2));
        // One container does far more of its own than any other: it is the sequence threshold's most extreme.
        long[] odd = traces.get("container-7").sequences();
        for (int i = 0; i < 60; i++) {
            odd[i] = 5_000_000L + i;
        }
        traces.get("container-9").sequences()[0] = 6_000_000L;

        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 4, 0.01, MODEL_SHARE, 1000);

        Map<String, List<Map<String, Object>>> extremes = (Map<String, List<Map<String, Object>>>) result.statistics().get("heldOutExtremes");
        assertThat(extremes).containsOnlyKeys("sequence", "processSequence", "processAction", "mix", "rarity", "longRarity");
        List<Map<String, Object>> sequence = extremes.get("sequence");
        assertThat(sequence).extracting(e -> e.get("container")).startsWith("container-7", "container-9");
        assertThat((double) sequence.getFirst().get("peak")).isGreaterThan((double) sequence.get(1).get("peak"));
        assertThat(extremes.get("processSequence")).as("untraced: no held-out container is novel there").isEmpty();
    }

    @Test
    void whatTheModelsShareDoesNotSpendTheHeldOutCalibratedEvidencesMay() {
        Map<String, DetectorCalibration.Trace> traces = regularWindow(new Random(3), 1200, 60);
        // One container in twenty does something of its own: more than any share of 1 % lets past.
        for (int c = 0; c < 1200; c += 20) {
            long[] trace = traces.get("container-" + c).sequences();
            for (int i = 0; i < 3 + c / 20 % 7; i++) {
                trace[i * 7] = 1_000_000L * (c + 1) + i;
            }
        }

        DetectorCalibration.Result third = DetectorCalibration.calibrate(traces, 10, 0.01, 1.0 / 3, 1000);
        DetectorCalibration.Result tenth = DetectorCalibration.calibrate(traces, 10, 0.01, 0.1, 1000);

        assertThat((long) third.statistics().get("containersAllowedPast"))
                .isEqualTo(RateBound.certifiedPast(1200, 0.01 * 2 / 3)).isEqualTo(3);
        assertThat((long) tenth.statistics().get("containersAllowedPast"))
                .isEqualTo(RateBound.certifiedPast(1200, 0.01 * 0.9)).isEqualTo(5);
        assertThat(tenth.threshold()).isLessThan(third.threshold());
        assertThat((long) tenth.statistics().get("heldOutContainersPast")).isLessThanOrEqualTo(5);
    }

    @Test
    void aContainerRepeatingWhatLearningSawOnlyRarelyIsPastTheRarityThresholdThoughNothingIsNew() {
        Random random = new Random(4);
        Map<String, DetectorCalibration.Trace> traces = regularWindow(random);
        // Ten learning containers each end sequence 99 once: it is learned, but rare.
        for (int c = 0; c < 10; c++) {
            traces.get("container-" + c).sequences()[100] = 99;
        }

        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 10, 0.01, MODEL_SHARE, 1000);

        assertThat((long) result.statistics().get("heldOutContainersPast"))
                .isLessThanOrEqualTo((long) result.statistics().get("containersAllowedPast"));
        assertThat(result.learned().contains(99)).as("nothing new").isTrue();
        assertThat(result.rarityThreshold()).isPositive().isLessThan(result.rarity().ceiling());
        assertThat(peakLevel(result.rarity(), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
                .as("a container doing what learning containers did").isLessThanOrEqualTo(result.rarityThreshold());
        assertThat(peakLevel(result.rarity(), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99))
                .as("ten rare sequences in a row").isGreaterThan(result.rarityThreshold());
    }

    @Test
    void withoutHeldOutContainersNoRarityLevelPassesItsThreshold() {
        Map<String, DetectorCalibration.Trace> one = Map.of("only", new DetectorCalibration.Trace(new long[] {1, 2, 3},
                new long[3], new long[3], new long[3]));

        DetectorCalibration.Result result = DetectorCalibration.calibrate(one, 10, 0.01, MODEL_SHARE, 1000);

        assertThat(result.rarityThreshold()).isEqualTo(result.rarity().ceiling());
        assertThat(peakLevel(result.rarity(), 7, 8, 9)).isLessThanOrEqualTo(result.rarityThreshold());
    }

    private static double peakLevel(SequenceRarity rarity, long... sequences) {
        double level = 0;
        double peak = 0;
        for (int i = 0; i < sequences.length; i++) {
            level = SequenceRarity.level(level, rarity.event(sequences[i], 0), i + 1, SequenceRarity.MEMORY);
            peak = Math.max(peak, level);
        }
        return peak;
    }

    @Test
    void aContainerWithAMixOfItsOwnIsFarFromEveryLearningContainerAtItsAge() {
        Map<String, DetectorCalibration.Trace> traces = regularWindow(new Random(3));
        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 10, 0.01, MODEL_SHARE, 100);
        MixReferences mix = MixReferences.fromBytes(result.mix().toBytes());

        long[] odd = new long[64];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = i % 2 == 0 ? 3 : 1_000 + i % 5;
        }
        MixVector oddMix = MixCalibration.reference(odd).atCheckpoints().get(2);
        MixVector usualMix = MixCalibration.reference(traces.get("container-399").pairs()).atCheckpoints().get(2);

        assertThat(mix.references).hasSize(100);
        assertThat(mix.evidence(oddMix, 2) / result.mixThreshold()).as("far past the threshold").isGreaterThan(1.5);
        assertThat(mix.evidence(usualMix, 2) / result.mixThreshold()).isLessThan(1.0);
    }

    @Test
    void aHeldOutContainersPeakIsJudgedWithoutItsOwnSequences() {
        int foldA = DetectorCalibration.fold("a", 4);
        FoldMasks masks = FoldMasks.of(new long[] {1, 2, 3, 1, 2, 99}, new int[] {foldA, foldA, foldA, 5, 5, foldA});

        assertThat(masks.seenOutside(1, foldA)).isTrue();
        assertThat(masks.seenOutside(3, foldA)).as("only its own fold showed 3").isFalse();
        DetectorCalibration.Trace trace = new DetectorCalibration.Trace(new long[] {1, 2, 3}, new long[3], new long[3], new long[3]);
        assertThat(DetectorCalibration.peaks(trace, foldA, masks, new double[] {0.01, 1, 1}, new double[] {0.1, 0, 0})
                [EventSequences.SEQUENCE]).isEqualTo(NoveltySurprise.of(1, 3, 0.01, 0.1));
    }

    @Test
    void aProcessDoingWhatItsKindNeverDidWeighsMoreThanANewContainerSequence() {
        // Container sequences are often new (interleaved processes), a process's actions almost never.
        Random random = new Random(4);
        Map<String, DetectorCalibration.Trace> traces = new LinkedHashMap<>();
        for (int c = 0; c < 300; c++) {
            long[] sequences = new long[100];
            long[] locals = new long[100];
            long[] actions = new long[100];
            for (int i = 0; i < 100; i++) {
                sequences[i] = random.nextInt(4) == 0 ? random.nextLong() : 1 + random.nextInt(200);
                locals[i] = 1_000 + random.nextInt(100);
                actions[i] = 2_000 + random.nextInt(20);
            }
            traces.put("container-" + c, new DetectorCalibration.Trace(sequences, locals, actions, new long[100]));
        }

        DetectorCalibration.Result result = DetectorCalibration.calibrate(traces, 10, 0.01, MODEL_SHARE, 100);

        SequenceNovelty novelty = result.novelty();
        assertThat(novelty.rate(EventSequences.SEQUENCE)).isBetween(0.2, 0.3);
        assertThat(novelty.rate(EventSequences.ACTION)).isLessThan(0.001);
        assertThat(novelty.threshold(EventSequences.ACTION)).as("no held-out container did a new action: the floor")
                .isEqualTo(-Math.log10(0.01 / 9));
        assertThat(novelty.threshold()).as("held-out containers' interleavings set the container sequences' threshold")
                .isGreaterThan(novelty.threshold(EventSequences.ACTION));
        long[] twoNewActions = {0, 0, 2};
        long[] twoNewSequences = {2, 0, 0};
        assertThat(novelty.evidence(twoNewActions, 50)).as("two new actions in 50 events")
                .isGreaterThan(result.threshold());
        assertThat(novelty.evidence(twoNewSequences, 50)).isLessThan(0.1);
    }

    /**
     * 300 containers of 50 events over a few sequences and actions; in the second window one container in
     * twenty does, once, something no other container did.
     */
    private static List<Map<String, DetectorCalibration.Trace>> quietAndVariedWindows(long seed) {
        Map<String, DetectorCalibration.Trace> clean = new LinkedHashMap<>();
        Map<String, DetectorCalibration.Trace> varied = new LinkedHashMap<>();
        Random random = new Random(seed);
        for (int c = 0; c < 300; c++) {
            long[] sequences = new long[50];
            long[] actions = new long[50];
            for (int i = 0; i < 50; i++) {
                sequences[i] = 1 + random.nextInt(30);
                actions[i] = 100 + random.nextInt(10);
            }
            clean.put("container-" + c, new DetectorCalibration.Trace(sequences, new long[50], actions, new long[50]));
            long[] own = actions.clone();
            if (c % 20 == 0) {
                own[25] = 10_000 + c;
            }
            varied.put("container-" + c, new DetectorCalibration.Trace(sequences, new long[50], own, new long[50]));
        }
        return List.of(clean, varied);
    }

    @Test
    void aBrokenRuleOpensAnIncidentAtOnceOnlyWhereHeldOutContainersNeverDidSomethingNew() {
        List<Map<String, DetectorCalibration.Trace>> windows = quietAndVariedWindows(5);
        Map<String, DetectorCalibration.Trace> clean = windows.get(0);
        Map<String, DetectorCalibration.Trace> varied = windows.get(1);

        DetectorCalibration.Result quiet = DetectorCalibration.calibrate(clean, 10, 0.01, MODEL_SHARE, 100);
        DetectorCalibration.Result noisy = DetectorCalibration.calibrate(varied, 10, 0.01, MODEL_SHARE, 100);

        assertThat(quiet.violationOpens()).isTrue();
        assertThat(quiet.statistics()).containsEntry("heldOutContainersWithNovelActions", 0L);
        assertThat(noisy.violationOpens()).as("5 % of normal containers do something new: one new thing is no incident")
                .isFalse();
        assertThat(noisy.statistics()).containsEntry("heldOutContainersWithNovelActions", 15L)
                .containsEntry("violationOpensIncident", false);
        assertThat(DetectorCalibration.calibrate(varied, 10, 0.01, MODEL_SHARE, 100, OptionalLong.of(0)).violationOpens())
                .as("the profile generalised the new actions away (e.g. temp names): no container alone in a rule")
                .isTrue();
        assertThat(DetectorCalibration.calibrate(clean, 10, 0.01, MODEL_SHARE, 100, OptionalLong.of(15)).violationOpens())
                .as("15 rules only one learning container showed").isFalse();
    }

    @Test
    void aNewActionOpensAnIncidentAtOnceOnlyWhereHeldOutContainersNeverMadeOne() {
        List<Map<String, DetectorCalibration.Trace>> windows = quietAndVariedWindows(7);
        Map<String, DetectorCalibration.Trace> clean = windows.get(0);

        DetectorCalibration.Result quiet = DetectorCalibration.calibrate(clean, 10, 0.01, MODEL_SHARE, 100, OptionalLong.of(0));
        DetectorCalibration.Result noisy = DetectorCalibration.calibrate(windows.get(1), 10, 0.01, MODEL_SHARE, 100,
                OptionalLong.of(0));
        DetectorCalibration.Result alone = DetectorCalibration.calibrate(Map.of("container-0", clean.get("container-0")), 10,
                0.01, MODEL_SHARE, 100, OptionalLong.of(0));

        assertThat(quiet.newActionOpens()).isTrue();
        assertThat(quiet.statistics()).containsEntry("newActionOpensIncident", true);
        assertThat(noisy.violationOpens()).as("the profile generalised the new actions away: no rule of one container").isTrue();
        assertThat(noisy.newActionOpens()).as("5 % of held-out containers made a new action: one is no incident").isFalse();
        assertThat(alone.violationOpens()).isTrue();
        assertThat(alone.newActionOpens()).as("nothing held out says how often normal containers make one").isFalse();
        Map<String, DetectorCalibration.Trace> few = new LinkedHashMap<>();
        clean.entrySet().stream().limit(40).forEach(e -> few.put(e.getKey(), e.getValue()));
        assertThat(DetectorCalibration.calibrate(few, 10, 0.01, MODEL_SHARE, 100, OptionalLong.of(0)).newActionOpens())
                .as("none of 40 made one: a rate of up to 1 in 42, more than the target").isFalse();
    }
}
