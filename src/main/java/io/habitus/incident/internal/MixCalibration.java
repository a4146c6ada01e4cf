package io.habitus.incident.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mix signal's part of a detector: the reference mixes (at most {@code maxReferences} learning
 * containers, chosen by a hash of their id, so the choice does not depend on arrival order), each
 * checkpoint's scale, and the threshold. As for sequences, each reference container is held out
 * once: its mix at each checkpoint is compared with the references of the other folds only; a
 * checkpoint's scale is the median of those distances, and a container's mix evidence is its
 * largest distance over scale. Each held-out container's peak evidence goes to the joint calibration
 * of the detector's thresholds ({@link DetectorCalibration}); the mix threshold is never below
 * {@link #MIN_THRESHOLD}.
 */
final class MixCalibration {

    /** The median held-out container's scaled distance. */
    static final double MIN_THRESHOLD = 1.0;

    /** @param heldOutPeaks each reference container's peak evidence, judged against the other folds */
    record Result(MixReferences references, Map<String, Double> heldOutPeaks, Map<String, Object> statistics) {}

    private MixCalibration() {
    }

    static Result calibrate(Map<String, DetectorCalibration.Trace> traces, int folds, int maxReferences) {
        List<String> chosen = new ArrayList<>(traces.keySet());
        chosen.sort(Comparator.comparingInt((String c) -> Integer.reverse(c.hashCode() * 0x9E3779B1)).thenComparing(c -> c));
        if (chosen.size() > maxReferences) {
            chosen = chosen.subList(0, maxReferences);
        }
        List<MixReferences.Reference> references = new ArrayList<>(chosen.size());
        int[] foldOf = new int[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            references.add(reference(traces.get(chosen.get(i)).pairs()));
            foldOf[i] = DetectorCalibration.fold(chosen.get(i), folds);
        }
        boolean heldOut = Arrays.stream(foldOf).distinct().count() > 1;
        List<double[]> distances = new ArrayList<>(chosen.size());
        List<List<Double>> byCheckpoint = new ArrayList<>();
        for (int i = 0; heldOut && i < chosen.size(); i++) {
            List<MixReferences.Reference> others = new ArrayList<>(references.size());
            for (int j = 0; j < references.size(); j++) {
                if (foldOf[j] != foldOf[i]) {
                    others.add(references.get(j));
                }
            }
            List<MixVector> own = references.get(i).atCheckpoints();
            double[] d = new double[own.size()];
            for (int c = 0; c < own.size(); c++) {
                d[c] = MixReferences.nearest(own.get(c), c, others);
                while (byCheckpoint.size() <= c) {
                    byCheckpoint.add(new ArrayList<>());
                }
                byCheckpoint.get(c).add(d[c]);
            }
            distances.add(d);
        }
        double[] scales = new double[byCheckpoint.size()];
        for (int c = 0; c < scales.length; c++) {
            double[] sorted = byCheckpoint.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            scales[c] = Math.max(MixReferences.MIN_SCALE, sorted[sorted.length / 2]);
        }
        Map<String, Double> heldOutPeaks = new HashMap<>();
        double largest = 0.0;
        for (int i = 0; i < distances.size(); i++) {
            double[] d = distances.get(i);
            double peak = 0;
            for (int c = 0; c < d.length; c++) {
                peak = Math.max(peak, d[c] / scales[c]);
            }
            heldOutPeaks.put(chosen.get(i), peak);
            largest = Math.max(largest, peak);
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("mixReferenceContainers", references.size());
        statistics.put("mixHeldOutContainers", distances.size());
        statistics.put("mixCheckpointScales", Arrays.stream(scales).boxed().toList());
        statistics.put("mixHeldOutPeakMax", largest);
        return new Result(new MixReferences(references, scales), heldOutPeaks, statistics);
    }

    /** A learning container's mixes at each checkpoint it reached, and at the end of its window. */
    static MixReferences.Reference reference(long[] pairs) {
        Map<Long, Integer> counts = new HashMap<>();
        List<MixVector> at = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            counts.merge(pairs[i], 1, Integer::sum);
            if (MixCheckpoints.isCheckpoint(i + 1)) {
                at.add(MixVector.of(counts));
            }
        }
        return new MixReferences.Reference(at, MixVector.of(counts));
    }
}
