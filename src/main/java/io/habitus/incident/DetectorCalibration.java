package io.habitus.incident;

import io.habitus.shared.RateBound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a container detector from a learning window's containers and calibrates its threshold on
 * containers held out of the window (docs/incidents.md). The containers are split into folds by
 * their id; each fold is judged against the sequences of the other folds only, so every container
 * of the window is once a fresh container the detector never learned from. That gives the normal
 * novelty rate (how often a normal event is a sequence the rest of the window never showed) and,
 * per held-out container, the peak evidence it reached over its life. The threshold lets at most
 * the target share of those containers past it, with 95 % confidence ({@link RateBound}), and is
 * never below {@code -log10(target)}: a container whose novelty the binomial null alone makes that
 * unlikely. The detector finally learns every sequence of the window (complete memory), so fresh
 * containers are judged against more than any held-out one was: the calibration is conservative.
 */
final class DetectorCalibration {

    /** One learning container's events: sequence fingerprints and token-pair keys, in event order. */
    record Trace(long[] sequences, long[] pairs) {}

    record Result(LearnedSequences learned, double noveltyRate, double threshold, MixReferences mix, double mixThreshold,
            Map<String, Object> statistics) {}

    /** Sequences, mixes and the model's anomalous transitions: each gets this share of the target. */
    static final int SIGNALS = 3;

    private DetectorCalibration() {
    }

    /**
     * @param traces        each container's events
     * @param maxReferences the most learning containers whose mixes are kept to compare with
     */
    static Result calibrate(Map<String, Trace> windowTraces, int folds, double target, int maxReferences) {
        Map<String, long[]> traces = new LinkedHashMap<>();
        windowTraces.forEach((container, trace) -> traces.put(container, trace.sequences()));
        // Each signal gets a third of the target: together they keep within it (a union bound).
        double half = target / SIGNALS;
        List<String> containers = new ArrayList<>(traces.keySet());
        containers.sort(null);
        long total = 0;
        for (long[] trace : traces.values()) {
            total += trace.length;
        }
        long[] all = new long[Math.toIntExact(total)];
        int[] foldOf = new int[all.length];
        int at = 0;
        for (String container : containers) {
            long[] trace = traces.get(container);
            int fold = fold(container, folds);
            System.arraycopy(trace, 0, all, at, trace.length);
            Arrays.fill(foldOf, at, at + trace.length, fold);
            at += trace.length;
        }
        FoldMasks masks = FoldMasks.of(all, foldOf);
        boolean heldOut = containers.stream().map(c -> fold(c, folds)).distinct().count() > 1;
        long novel = 0;
        long events = 0;
        if (heldOut) {
            for (String container : containers) {
                int fold = fold(container, folds);
                for (long fingerprint : traces.get(container)) {
                    events++;
                    if (!masks.seenOutside(fingerprint, fold)) {
                        novel++;
                    }
                }
            }
        }
        double rate = (novel + 1.0) / (events + 2.0);
        double floor = -Math.log10(half);
        double[] peaks = new double[heldOut ? containers.size() : 0];
        for (int i = 0; heldOut && i < containers.size(); i++) {
            String container = containers.get(i);
            peaks[i] = peak(traces.get(container), fold(container, folds), masks, rate);
        }
        Arrays.sort(peaks);
        long allowed = RateBound.allowedPast(peaks.length, half);
        double calibrated = allowed < peaks.length ? peaks[peaks.length - 1 - (int) allowed] : 0;
        double threshold = Math.max(floor, calibrated);
        long past = Arrays.stream(peaks).filter(p -> p > threshold).count();
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("containers", containers.size());
        statistics.put("events", total);
        statistics.put("distinctSequences", masks.distinct());
        statistics.put("folds", folds);
        statistics.put("heldOutContainers", peaks.length);
        statistics.put("heldOutNovelEvents", novel);
        statistics.put("heldOutEvents", events);
        statistics.put("targetContainerRate", target);
        statistics.put("containersAllowedPast", allowed);
        statistics.put("heldOutContainersPast", past);
        statistics.put("thresholdFloor", floor);
        statistics.put("calibratedThreshold", calibrated);
        statistics.put("heldOutPeakMedian", quantile(peaks, 0.5));
        statistics.put("heldOutPeak90", quantile(peaks, 0.9));
        statistics.put("heldOutPeak99", quantile(peaks, 0.99));
        statistics.put("heldOutPeakMax", peaks.length == 0 ? 0.0 : peaks[peaks.length - 1]);
        MixCalibration.Result mix = MixCalibration.calibrate(windowTraces, folds, half, maxReferences);
        statistics.putAll(mix.statistics());
        return new Result(LearnedSequences.of(all), rate, threshold, mix.references(), mix.threshold(), statistics);
    }

    /** The largest evidence a container reaches over its life, judged against the other folds. */
    static double peak(long[] trace, int fold, FoldMasks masks, double rate) {
        long novel = 0;
        double peak = 0;
        for (int i = 0; i < trace.length; i++) {
            if (!masks.seenOutside(trace[i], fold)) {
                novel++;
                peak = Math.max(peak, NoveltySurprise.of(novel, i + 1, rate));
            }
        }
        return peak;
    }

    static int fold(String containerId, int folds) {
        return Math.floorMod(containerId.hashCode() * 0x9E3779B1, folds);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0.0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
