package io.habitus.incident.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mix signal's part of a detector: the reference mixes (every learning container's, or where the
 * window has more than {@code maxReferences} a cover of their distinct mixes, {@link MixCovering}), each
 * checkpoint's scale, and the threshold. As for sequences, each learning container is held out once: its
 * mix at each checkpoint is compared with the references of the other folds only; a checkpoint's scale is
 * the median of those distances, and a container's mix evidence is its largest distance over scale. Each
 * held-out container's peak evidence goes to the joint calibration of the detector's thresholds
 * ({@link DetectorCalibration}); the mix threshold is never below {@link #MIN_THRESHOLD}.
 */
final class MixCalibration {

    /** The median held-out container's scaled distance. */
    static final double MIN_THRESHOLD = 1.0;

    /** @param heldOutPeaks each learning container's peak evidence, judged against the other folds' references */
    record Result(MixReferences references, Map<String, Double> heldOutPeaks, Map<String, Object> statistics) {}

    private MixCalibration() {
    }

    static Result calibrate(Map<String, DetectorCalibration.Trace> traces, int folds, int maxReferences) {
        List<String> containers = new ArrayList<>(traces.keySet());
        containers.sort(null);
        int[] foldOf = new int[containers.size()];
        for (int i = 0; i < containers.size(); i++) {
            foldOf[i] = DetectorCalibration.fold(containers.get(i), folds);
        }
        MixCovering.Choice choice = MixCovering.choose(foldOf, folds, maxReferences,
                i -> whole(traces.get(containers.get(i)).pairs()));
        Map<Integer, MixReferences.Reference> kept = new HashMap<>();
        List<List<MixReferences.Reference>> othersOf = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            othersOf.add(new ArrayList<>());
        }
        for (int i : choice.chosen()) {
            MixReferences.Reference reference = reference(traces.get(containers.get(i)).pairs());
            kept.put(i, reference);
            for (int f = 0; f < folds; f++) {
                if (f != foldOf[i]) {
                    othersOf.get(f).add(reference);
                }
            }
        }
        boolean heldOut = Arrays.stream(foldOf).distinct().count() > 1;
        // Every learning container is held out, not only the kept ones: the joint calibration counts them all.
        List<double[]> distances = new ArrayList<>(containers.size());
        List<List<Double>> byCheckpoint = new ArrayList<>();
        for (int i = 0; heldOut && i < containers.size(); i++) {
            MixReferences.Reference own = kept.containsKey(i) ? kept.get(i) : reference(traces.get(containers.get(i)).pairs());
            List<MixVector> mixes = own.atCheckpoints();
            double[] d = new double[mixes.size()];
            for (int c = 0; c < mixes.size(); c++) {
                d[c] = MixReferences.nearest(mixes.get(c), c, othersOf.get(foldOf[i]));
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
            heldOutPeaks.put(containers.get(i), peak);
            largest = Math.max(largest, peak);
        }
        List<MixReferences.Reference> references = Arrays.stream(choice.chosen()).mapToObj(kept::get).toList();
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("mixReferenceContainers", references.size());
        statistics.put("mixCoverRadius", Math.round(choice.radius() * 1e5) / 1e5);
        statistics.put("mixHeldOutContainers", distances.size());
        statistics.put("mixCheckpointScales", Arrays.stream(scales).boxed().toList());
        statistics.put("mixHeldOutPeakMax", largest);
        return new Result(new MixReferences(references, scales), heldOutPeaks, statistics);
    }

    /** A learning container's mix over its whole window. */
    static MixVector whole(long[] pairs) {
        return mixes(pairs, false).whole();
    }

    /** A learning container's mixes at each checkpoint it reached, and at the end of its window. */
    static MixReferences.Reference reference(long[] pairs) {
        return mixes(pairs, true);
    }

    private static MixReferences.Reference mixes(long[] pairs, boolean atCheckpoints) {
        Map<Long, Integer> counts = new HashMap<>();
        List<MixVector> at = new ArrayList<>();
        for (int i = 0; i < pairs.length; i++) {
            counts.merge(pairs[i], 1, Integer::sum);
            if (atCheckpoints && MixCheckpoints.isCheckpoint(i + 1)) {
                at.add(MixVector.of(counts));
            }
        }
        return new MixReferences.Reference(at, MixVector.of(counts));
    }
}
