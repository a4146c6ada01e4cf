package io.habitus.incident.internal;

import io.habitus.shared.RateBound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Builds a container detector from a learning window's containers and calibrates its thresholds on
 * containers held out of the window (docs/incidents.md). The containers are split into folds by
 * their id; each fold is judged against the sequences of the other folds only, so every container
 * of the window is once a fresh container the detector never learned from. That gives, at each of
 * the three sequence lengths ({@link EventSequences}), the normal novelty rate (how often a normal
 * event is a sequence the rest of the window never showed) and, per held-out container, the peak
 * surprise it reached over its life; likewise each held-out container's mix evidence
 * ({@link MixCalibration}) and its rarity peaks at two memories ({@link SequenceRarity}). These thresholds are calibrated together
 * ({@link JointThresholds}): at most their share of the target (all of it but the model's evidence's
 * share, habitus.incident.model-share) of held-out containers may be past any of them, with 95 %
 * confidence ({@link RateBound}). Where the window is too small to certify any held-out container past, a
 * length's threshold is never below {@code -log10(target / 9)}: a container whose novelty the null alone
 * makes that unlikely. The detector finally learns
 * every sequence of the window (complete memory), so fresh containers are judged against more than
 * any held-out one was: the calibration is conservative.
 */
final class DetectorCalibration {

    /**
     * One learning container's events in event order: the fingerprints of the sequences each ends at
     * the three lengths ({@link EventSequences}; {@link SequenceFingerprint#UNTRACED} where not
     * traced) and its token-pair keys.
     */
    record Trace(long[] sequences, long[] locals, long[] actions, long[] pairs) {

        long[] at(int length) {
            return switch (length) {
                case EventSequences.SEQUENCE -> sequences;
                case EventSequences.LOCAL -> locals;
                default -> actions;
            };
        }

        int events() {
            return sequences.length;
        }
    }

    /**
     * @param violationOpens whether a broken profile rule opens an incident at once: only where held-out
     *                       containers (almost) never did something the rest of the window never did
     * @param newActionOpens whether a process's new action opens an incident at once: only where, besides,
     *                       held-out containers (almost) never did a new action, in a window large enough to
     *                       say so
     */
    record Result(LearnedSequences learned, SequenceNovelty novelty, MixReferences mix, double mixThreshold,
            SequenceRarity rarity, double rarityThreshold, double longRarityThreshold, boolean violationOpens,
            boolean newActionOpens, Map<String, Object> statistics) {

        double threshold() {
            return novelty.threshold();
        }
    }

    /** A length's threshold floor (a third of this again) and a broken rule's allowance are taken on a third of the target. */
    static final int SIGNALS = 3;
    /** The mix evidence's place after the sequence lengths in the joint calibration. */
    private static final int MIX = EventSequences.LENGTHS;
    /** The rarity evidence's places after the mix: its short and its long memory ({@link SequenceRarity}). */
    private static final int RARITY = MIX + 1;
    private static final int RARITY_LONG = RARITY + 1;

    private DetectorCalibration() {
    }

    /**
     * The model's evidence's threshold: its binomial null alone (held-out containers cannot replay the model),
     * at its share of the target; {@link #calibrate} gives the rest of the target to the other evidences.
     */
    static double modelThreshold(double target, double modelShare) {
        return -Math.log10(target * modelShare);
    }

    /**
     * @param traces        each container's events
     * @param maxReferences the most learning containers whose mixes are kept to compare with
     */
    static Result calibrate(Map<String, Trace> traces, int folds, double target, double modelShare, int maxReferences) {
        return calibrate(traces, folds, target, modelShare, maxReferences, OptionalLong.empty());
    }

    /**
     * @param rulesOfOneContainer learned profile rules only one learning container showed (empty: not
     *                            known, the held-out containers' new actions stand in for them)
     */
    static Result calibrate(Map<String, Trace> traces, int folds, double target, double modelShare, int maxReferences,
            OptionalLong rulesOfOneContainer) {
        double third = target / SIGNALS;
        // What the model's evidence may spend (modelThreshold) is not the held-out-calibrated evidences' (a union bound).
        double calibrated = target * (1 - modelShare);
        List<String> containers = new ArrayList<>(traces.keySet());
        containers.sort(null);
        long total = 0;
        for (Trace trace : traces.values()) {
            total += trace.events();
        }
        // All three lengths in one mask: their fingerprints are salted apart (SequenceFingerprint).
        long[] all = new long[Math.toIntExact(total * EventSequences.LENGTHS)];
        int[] foldOf = new int[all.length];
        int at = 0;
        for (String container : containers) {
            Trace trace = traces.get(container);
            int fold = fold(container, folds);
            for (int length = 0; length < EventSequences.LENGTHS; length++) {
                long[] fingerprints = trace.at(length);
                System.arraycopy(fingerprints, 0, all, at, fingerprints.length);
                Arrays.fill(foldOf, at, at + fingerprints.length, fold);
                at += fingerprints.length;
            }
        }
        FoldMasks masks = FoldMasks.of(all, foldOf);
        FoldCounts rarityCounts = rarityCounts(traces, containers, folds, total);
        boolean heldOut = containers.stream().map(c -> fold(c, folds)).distinct().count() > 1;
        // Each held-out container's novel events per length, judged against the other folds, and its events.
        long[][] novelOf = new long[EventSequences.LENGTHS][containers.size()];
        long[] eventsOf = new long[containers.size()];
        for (int i = 0; heldOut && i < containers.size(); i++) {
            Trace trace = traces.get(containers.get(i));
            int fold = fold(containers.get(i), folds);
            eventsOf[i] = trace.events();
            for (int length = 0; length < EventSequences.LENGTHS; length++) {
                for (long fingerprint : trace.at(length)) {
                    if (novel(fingerprint, fold, masks)) {
                        novelOf[length][i]++;
                    }
                }
            }
        }
        long events = LongStream.of(eventsOf).sum();
        long[] novel = new long[EventSequences.LENGTHS];
        for (int length = 0; length < novel.length; length++) {
            novel[length] = LongStream.of(novelOf[length]).sum();
        }
        long allowed = RateBound.certifiedPast(heldOut ? containers.size() : 0, calibrated);
        // A window that can certify held-out containers past its thresholds is large enough to judge by them:
        // its measured dispersion and no floor from the null. A smaller one keeps the binomial null and its
        // floor: there the thresholds sit at the one most extreme held-out container, and a dispersion moved
        // by that same container (batch's in the simulator: 5 novel events in 85,000) would only discount
        // every longer container against it.
        boolean certifies = allowed > 0;
        double[] rates = new double[EventSequences.LENGTHS];
        double[] dispersions = new double[EventSequences.LENGTHS];
        for (int length = 0; length < rates.length; length++) {
            rates[length] = (novel[length] + 1.0) / (events + 2.0);
            if (certifies) {
                dispersions[length] = NoveltyDispersion.of(novelOf[length], eventsOf, rates[length]);
            }
        }
        // The sequence signal's share of the target is split again among the three lengths.
        double share = third / EventSequences.LENGTHS;
        double floor = -Math.log10(share);
        double[][] peaks = new double[RARITY_LONG + 1][heldOut ? containers.size() : 0];
        for (int i = 0; heldOut && i < containers.size(); i++) {
            String container = containers.get(i);
            double[] peak = peaks(traces.get(container), fold(container, folds), masks, rates, dispersions);
            for (int length = 0; length < peak.length; length++) {
                peaks[length][i] = peak[length];
            }
        }
        MixCalibration.Result mix = MixCalibration.calibrate(traces, folds, maxReferences);
        for (int i = 0; heldOut && i < containers.size(); i++) {
            peaks[MIX][i] = mix.heldOutPeaks().getOrDefault(containers.get(i), 0.0);
            double[] rarity = rarityPeaks(traces.get(containers.get(i)), fold(containers.get(i), folds), rarityCounts);
            peaks[RARITY][i] = rarity[0];
            peaks[RARITY_LONG][i] = rarity[1];
        }
        // The sequences', mixes' and rarity's share of the target together, calibrated jointly: the same
        // unusual learning containers are unusual at every length and in their mix (JointThresholds).
        // Where the window certifies held-out containers past, they say where normal ends, and a length's
        // threshold only has to be past the null's median (more novel than a typical container).
        double lengthFloor = certifies ? CERTIFIED_FLOOR : floor;
        double[] floors = new double[RARITY_LONG + 1];
        Arrays.fill(floors, lengthFloor);
        floors[MIX] = MixCalibration.MIN_THRESHOLD;
        floors[RARITY] = 0;
        floors[RARITY_LONG] = 0;
        JointThresholds joint = JointThresholds.calibrate(peaks, floors, allowed);
        // Where few held-out containers leave a threshold at its largest peak (rank 0: below about 400
        // containers, all of them), each evidence keeps about a one-in-(n + 1) chance that a fresh normal
        // container passes it, and six such chances add up past the target: each is extrapolated past
        // its largest peak to its share of the target (TailQuantile).
        double[] joined = joint.thresholds().clone();
        for (int s = 0; s < joined.length; s++) {
            if (heldOut && joint.ranks()[s] == 0) {
                joined[s] = Math.max(joined[s], TailQuantile.of(peaks[s], calibrated / (RARITY_LONG + 1)));
            }
        }
        double[] thresholds = Arrays.copyOf(joined, EventSequences.LENGTHS);
        SequenceNovelty novelty = new SequenceNovelty(rates, dispersions, thresholds);
        // A learning container that alone showed a profile rule is what a fresh normal container breaking
        // the profile looks like (without it, the rule would not exist); failing the profile's count, a
        // held-out container with a new action (a new token is one). Where such containers are more than
        // the sequences' share of the target allows, a broken rule is evidence to weigh like other
        // novelty, not an incident of its own.
        long novelActors = Arrays.stream(peaks[EventSequences.ACTION]).filter(peak -> peak > 0).count();
        long breakers = rulesOfOneContainer.orElse(novelActors);
        long certified = RateBound.certifiedPast(containers.size(), third);
        boolean violationOpens = !heldOut || breakers <= certified;
        // A new action of a known process (a worker's shell reading what only the master read) is the same
        // finding inside the allowlist: where held-out containers (almost) never made one, a fresh normal
        // container making one is as unlikely as one breaking a rule. Unlike a broken rule it stays inside
        // the allowlist, so the window must also be large enough to vouch for it: its own estimate of how
        // often a normal container makes one (the rule of succession) within the target, about 100
        // containers at 1 %; a few identical learning containers say nothing.
        double newActionRate = (novelActors + 1.0) / (containers.size() + 2.0);
        boolean newActionOpens = heldOut && violationOpens && novelActors <= certified && newActionRate <= target;
        double[] sequencePeaks = peaks[EventSequences.SEQUENCE].clone();
        Arrays.sort(sequencePeaks);
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("containers", containers.size());
        statistics.put("events", total);
        statistics.put("distinctSequences", masks.distinct());
        statistics.put("folds", folds);
        statistics.put("heldOutContainers", sequencePeaks.length);
        statistics.put("heldOutNovelEvents", novel[EventSequences.SEQUENCE]);
        statistics.put("heldOutNovelLocalEvents", novel[EventSequences.LOCAL]);
        statistics.put("heldOutNovelActions", novel[EventSequences.ACTION]);
        statistics.put("heldOutEvents", events);
        statistics.put("heldOutContainersWithNovelActions", novelActors);
        rulesOfOneContainer.ifPresent(rules -> statistics.put("learnedRulesOfOneContainer", rules));
        statistics.put("violationOpensIncident", violationOpens);
        statistics.put("newActionOpensIncident", newActionOpens);
        statistics.put("localNoveltyRate", rates[EventSequences.LOCAL]);
        statistics.put("actionNoveltyRate", rates[EventSequences.ACTION]);
        statistics.put("targetContainerRate", target);
        statistics.put("containersAllowedPast", allowed);
        statistics.put("heldOutContainersPast", joint.past());
        statistics.put("calibrationRanks", Arrays.stream(joint.ranks()).boxed().toList());
        statistics.put("thresholdFloor", lengthFloor);
        statistics.put("noveltyDispersions", Arrays.stream(dispersions).boxed().toList());
        statistics.put("localThreshold", thresholds[EventSequences.LOCAL]);
        statistics.put("actionThreshold", thresholds[EventSequences.ACTION]);
        statistics.put("heldOutPeakMedian", quantile(sequencePeaks, 0.5));
        statistics.put("heldOutPeak90", quantile(sequencePeaks, 0.9));
        statistics.put("heldOutPeak99", quantile(sequencePeaks, 0.99));
        statistics.put("heldOutPeakMax", sequencePeaks.length == 0 ? 0.0 : sequencePeaks[sequencePeaks.length - 1]);
        statistics.put("mixThreshold", joined[MIX]);
        statistics.put("heldOutExtremes", extremes(containers, heldOut ? peaks : new double[RARITY_LONG + 1][0], allowed + EXTREMES_PAST_ALLOWANCE));
        SequenceRarity rarity = rarityCounts.all();
        // Without held-out containers nothing says how rare normal is: the ceiling, which no level passes.
        double rarityThreshold = heldOut ? joined[RARITY] : rarity.ceiling();
        double longRarityThreshold = heldOut ? joined[RARITY_LONG] : rarity.ceiling();
        statistics.put("rarityThreshold", rarityThreshold);
        statistics.put("longRarityThreshold", longRarityThreshold);
        statistics.put("raritySequences", rarity.size());
        statistics.putAll(mix.statistics());
        long[] learned = Arrays.stream(all).filter(f -> f != SequenceFingerprint.UNTRACED).toArray();
        return new Result(LearnedSequences.of(learned), novelty, mix.references(), joined[MIX], rarity,
                rarityThreshold, longRarityThreshold, violationOpens, newActionOpens, statistics);
    }

    /** How many held-out containers beyond the allowance {@link #extremes} names per evidence. */
    private static final int EXTREMES_PAST_ALLOWANCE = 5;
    private static final List<String> EVIDENCE_NAMES = List.of("sequence", "processSequence", "processAction", "mix", "rarity",
            "longRarity");

    /**
     * Per evidence, the held-out containers with the largest peaks (their ids and peaks, largest first):
     * the learning containers that set the thresholds, for a person asking why a threshold is where it is.
     */
    private static Map<String, List<Map<String, Object>>> extremes(List<String> containers, double[][] peaks, long count) {
        Map<String, List<Map<String, Object>>> extremes = new LinkedHashMap<>();
        for (int s = 0; s < peaks.length; s++) {
            double[] own = peaks[s];
            extremes.put(EVIDENCE_NAMES.get(s), IntStream.range(0, own.length).boxed()
                    .filter(i -> own[i] > 0)
                    .sorted((a, b) -> Double.compare(own[b], own[a]))
                    .limit(count)
                    .map(i -> Map.<String, Object>of("container", containers.get(i), "peak", own[i]))
                    .toList());
        }
        return extremes;
    }

    /** A length's threshold floor where the window certifies held-out containers past: the null's median. */
    static final double CERTIFIED_FLOOR = -Math.log10(0.5);

    /** The largest surprise a container reaches over its life at each length, judged against the other folds. */
    static double[] peaks(Trace trace, int fold, FoldMasks masks, double[] rates, double[] dispersions) {
        long[] novel = new long[EventSequences.LENGTHS];
        double[] peaks = new double[EventSequences.LENGTHS];
        for (int i = 0; i < trace.events(); i++) {
            for (int length = 0; length < EventSequences.LENGTHS; length++) {
                if (novel(trace.at(length)[i], fold, masks)) {
                    novel[length]++;
                    peaks[length] = Math.max(peaks[length],
                            NoveltySurprise.of(novel[length], i + 1, rates[length], dispersions[length]));
                }
            }
        }
        return peaks;
    }

    /** The counts of the rarity lengths' fingerprints per fold ({@link SequenceRarity#LENGTHS}). */
    private static FoldCounts rarityCounts(Map<String, Trace> traces, List<String> containers, int folds, long events) {
        long[] fingerprints = new long[Math.toIntExact(events * SequenceRarity.LENGTHS.length)];
        int[] foldOf = new int[fingerprints.length];
        long[] eventsPerFold = new long[folds];
        int at = 0;
        for (String container : containers) {
            Trace trace = traces.get(container);
            int fold = fold(container, folds);
            eventsPerFold[fold] += trace.events();
            for (int length : SequenceRarity.LENGTHS) {
                System.arraycopy(trace.at(length), 0, fingerprints, at, trace.events());
                Arrays.fill(foldOf, at, at + trace.events(), fold);
                at += trace.events();
            }
        }
        return FoldCounts.of(fingerprints, foldOf, folds, eventsPerFold);
    }

    /** The peak rarity levels, short and long memory, a container reaches over its life, judged on the other folds' counts. */
    static double[] rarityPeaks(Trace trace, int fold, FoldCounts counts) {
        double[] levels = new double[2];
        double[] peaks = new double[2];
        for (int i = 0; i < trace.events(); i++) {
            double rarity = 0;
            for (int length : SequenceRarity.LENGTHS) {
                rarity += counts.rarityOutside(trace.at(length)[i], fold);
            }
            SequenceRarity.advance(levels, rarity, i + 1);
            peaks[0] = Math.max(peaks[0], levels[0]);
            peaks[1] = Math.max(peaks[1], levels[1]);
        }
        return peaks;
    }

    private static boolean novel(long fingerprint, int fold, FoldMasks masks) {
        return fingerprint != SequenceFingerprint.UNTRACED && !masks.seenOutside(fingerprint, fold);
    }

    static int fold(String containerId, int folds) {
        return Math.floorMod(containerId.hashCode() * 0x9E3779B1, folds);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0.0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
