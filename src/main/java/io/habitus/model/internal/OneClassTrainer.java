package io.habitus.model.internal;

import io.habitus.model.TransitionModel;
import io.habitus.model.libsvm.FastPredictor;
import io.habitus.model.libsvm.LibSvm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import libsvm.svm_model;
import org.jspecify.annotations.Nullable;

/**
 * Trains a {@link TransitionModel} from a sample of transition vectors: split, grid over (nu,
 * gamma), selection by held-out false-positive rate, threshold calibration and score
 * normalisation, as documented in {@code docs/transition-model.md}. Stateless and thread-safe; it
 * runs for seconds to minutes, so callers run it off the request thread.
 */
public final class OneClassTrainer {

    /** Smallest sample (distinct vectors) that is trained; smaller ones throw {@link InsufficientTransitionsException}. */
    public static final int MIN_DISTINCT_TRANSITIONS = TrainingSplit.MIN_DISTINCT;

    public TransitionModel train(FeatureSpec spec, List<WeightedVector> sample, TrainingOptions options) {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(options);
        long started = System.nanoTime();
        TrainingSplit split = TrainingSplit.of(sample, spec.dimension(), options);
        int[][] indices = split.training().stream().map(w -> w.vector().indices()).toArray(int[][]::new);
        double[][] values = split.training().stream().map(w -> w.vector().values()).toArray(double[][]::new);
        double gammaBase = TrainingSplit.inverseMeanSquaredDistance(split.training());

        List<GridPoint> grid = new ArrayList<>();
        Candidate best = null;
        for (double nu : options.nus()) {
            for (double factor : options.gammaFactors()) {
                long gridStarted = System.nanoTime();
                svm_model model = LibSvm.trainOneClass(copy(indices), copy(values), nu, factor * gammaBase);
                double[] decisions = decisions(new FastPredictor(model), split.heldOut());
                double rate = eventShareBelow(decisions, split.heldOut(), 0.0);
                GridPoint point = new GridPoint(nu, factor, factor * gammaBase, rate, model.l,
                        (System.nanoTime() - gridStarted) / 1_000_000);
                grid.add(point);
                Candidate candidate = new Candidate(point, model, cost(rate, options.targetFalsePositiveRate()));
                if (best == null || Candidate.ORDER.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        return finish(spec, options, split, gammaBase, grid, best, started);
    }

    private static TransitionModel finish(FeatureSpec spec, TrainingOptions options, TrainingSplit split,
            double gammaBase, List<GridPoint> grid, @Nullable Candidate best, long started) {
        String libsvmText = LibSvm.toText(best.model());
        // Calibrate with the model as it will be loaded from its text, so stored scores are the scores.
        FastPredictor loaded = TransitionModel.predictorOf(libsvmText);
        double[] decisions = decisions(loaded, split.heldOut());
        long[] counts = split.heldOut().stream().mapToLong(WeightedVector::count).toArray();
        Calibration calibration = Calibrator.calibrate(decisions, counts, options.targetFalsePositiveRate(),
                loaded.magnitude());
        long below = 0;
        long belowEvents = 0;
        long heldOutEvents = 0;
        for (int i = 0; i < decisions.length; i++) {
            long count = split.heldOut().get(i).count();
            heldOutEvents += count;
            if (calibration.score(decisions[i]) < calibration.threshold()) {
                below++;
                belowEvents += count;
            }
        }
        GridPoint chosen = best.point();
        TrainingStatistics statistics = new TrainingStatistics(split.transitions(), split.distinct(),
                split.training().size(), split.heldOut().size(), split.unused(), chosen.supportVectors(),
                (System.nanoTime() - started) / 1_000_000, below / (double) decisions.length,
                belowEvents / (double) heldOutEvents, grid);
        HyperParameters hyper = new HyperParameters(chosen.nu(), chosen.gamma(), chosen.gammaFactor(), gammaBase);
        return TransitionModel.of(spec, hyper, calibration, statistics, libsvmText, split.learned());
    }

    /** The share of held-out events (counts) whose decision value lies below {@code bound}. */
    private static double eventShareBelow(double[] decisions, List<WeightedVector> heldOut, double bound) {
        long below = 0;
        long all = 0;
        for (int i = 0; i < decisions.length; i++) {
            long count = heldOut.get(i).count();
            all += count;
            below += decisions[i] < bound ? count : 0;
        }
        return below / (double) all;
    }

    /**
     * Zero within the target; above it, twice the excess. Every candidate that keeps the held-out
     * events' false-positive rate within the target is as good as any other on that count, and the
     * tie-break then prefers the tightest boundary.
     */
    static double cost(double rate, double target) {
        return rate <= target ? 0.0 : 2.0 * (rate - target);
    }

    private static double[] decisions(FastPredictor predictor, List<WeightedVector> vectors) {
        double[] decisions = new double[vectors.size()];
        for (int i = 0; i < decisions.length; i++) {
            SparseVector vector = vectors.get(i).vector();
            decisions[i] = predictor.decisionValue(vector.indices(), vector.values());
        }
        return decisions;
    }

    private static int[][] copy(int[][] arrays) {
        return Arrays.stream(arrays).map(int[]::clone).toArray(int[][]::new);
    }

    private static double[][] copy(double[][] arrays) {
        return Arrays.stream(arrays).map(double[]::clone).toArray(double[][]::new);
    }

    private record Candidate(GridPoint point, svm_model model, double cost) {

        /** Lowest cost; then the larger gamma (tighter, more sensitive); then fewer support vectors; then the smaller nu. */
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::cost)
                .thenComparingDouble(c -> -c.point().gamma())
                .thenComparingInt(c -> c.point().supportVectors())
                .thenComparingDouble(c -> c.point().nu());
    }
}
