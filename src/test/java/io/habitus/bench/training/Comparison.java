package io.habitus.bench.training;

/**
 * How far two models' decision values on the same probes are apart. Relative differences are
 * taken against {@code max(|d|, 1e-3 · scale)}: free support vectors lie on the boundary, where
 * the decision value is 0 up to the solver's tolerance, and a plain |Δ|/|d| there is noise over
 * noise, not a disagreement.
 *
 * @param maxAbsolute   largest |d_libsvm − d_sklearn|
 * @param maxRelative   largest |Δ| / max(|d_libsvm|, 1e-3 · scale)
 * @param signFlips     probes that one model puts inside (d ≥ 0) and the other outside
 * @param scale         Σ|α| + |ρ| of the libsvm model
 */
record Comparison(double maxAbsolute, double maxRelative, int signFlips, double scale) {

    static Comparison of(double[] libsvm, double[] sklearn, double scale) {
        if (libsvm.length != sklearn.length) {
            throw new IllegalStateException("decision counts differ: " + libsvm.length + " vs " + sklearn.length);
        }
        double maxAbsolute = 0;
        double maxRelative = 0;
        int flips = 0;
        for (int i = 0; i < libsvm.length; i++) {
            double difference = Math.abs(libsvm[i] - sklearn[i]);
            maxAbsolute = Math.max(maxAbsolute, difference);
            maxRelative = Math.max(maxRelative, difference / Math.max(Math.abs(libsvm[i]), 1e-3 * scale));
            if ((libsvm[i] >= 0) != (sklearn[i] >= 0)) {
                flips++;
            }
        }
        return new Comparison(maxAbsolute, maxRelative, flips, scale);
    }
}
