package io.habitus.incident;

import java.util.Arrays;

/**
 * Thresholds for several evidences calibrated together on the same held-out containers, so that the
 * share of containers past <em>any</em> of them stays within one allowance. Splitting the target
 * among the evidences (a union bound) assumes their false alarms never coincide; they mostly do
 * (the same unusual learning container is unusual at every length and in its mix), so the split
 * spends the target several times over on the same containers and leaves every threshold at its
 * most extreme held-out container. Here every evidence's threshold moves down its own held-out
 * peaks by the same number of containers, as far as the union of containers past them stays
 * within the allowance.
 *
 * @param thresholds one per evidence, never below its floor
 * @param rank       how many held-out containers each threshold lets past on its own (ties aside)
 * @param past       held-out containers past at least one threshold
 */
record JointThresholds(double[] thresholds, int rank, long past) {

    /**
     * @param peaks   per evidence, each held-out container's peak (same container order for all)
     * @param floors  per evidence, the lowest threshold it may have
     * @param allowed held-out containers that may be past at least one threshold
     */
    static JointThresholds calibrate(double[][] peaks, double[] floors, long allowed) {
        int n = peaks.length == 0 ? 0 : peaks[0].length;
        double[][] sorted = new double[peaks.length][];
        for (int s = 0; s < peaks.length; s++) {
            sorted[s] = peaks[s].clone();
            Arrays.sort(sorted[s]);
        }
        // past(rank) only grows with the rank (each threshold only falls): the largest rank within
        // the allowance is found by bisection; rank 0 (every threshold at its largest peak) passes none.
        int low = 0;
        int high = Math.max(0, n - 1);
        while (low < high) {
            int middle = low + (high - low + 1) / 2;
            if (past(peaks, thresholds(sorted, floors, middle)) <= allowed) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        double[] thresholds = thresholds(sorted, floors, low);
        return new JointThresholds(thresholds, low, past(peaks, thresholds));
    }

    private static double[] thresholds(double[][] sorted, double[] floors, int rank) {
        double[] thresholds = new double[sorted.length];
        for (int s = 0; s < sorted.length; s++) {
            int n = sorted[s].length;
            thresholds[s] = Math.max(floors[s], rank < n ? sorted[s][n - 1 - rank] : 0.0);
        }
        return thresholds;
    }

    private static long past(double[][] peaks, double[] thresholds) {
        int n = peaks.length == 0 ? 0 : peaks[0].length;
        long past = 0;
        for (int i = 0; i < n; i++) {
            boolean over = false;
            for (int s = 0; s < peaks.length && !over; s++) {
                over = peaks[s][i] > thresholds[s];
            }
            past += over ? 1 : 0;
        }
        return past;
    }
}
