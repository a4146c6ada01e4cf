package io.habitus.incident.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Thresholds for several evidences calibrated together on the same held-out containers, so that the
 * share of containers past <em>any</em> of them stays within one allowance. Splitting the target
 * among the evidences (a union bound) assumes their false alarms never coincide; they often do (the
 * same unusual learning container is unusual at several lengths and in its mix), so the split spends
 * the target several times over on the same containers and leaves every threshold at its most
 * extreme held-out container. Here the thresholds start at their largest held-out peaks (none past)
 * and move down one held-out container at a time, always the move that lets the fewest containers
 * not yet past go past (free when the next container is past another threshold already; ties: the
 * evidence that has moved least), for as long as the union stays within the allowance.
 *
 * @param thresholds one per evidence, never below its floor
 * @param ranks      per evidence, how many held-out peaks lie above its threshold's peak
 * @param past       held-out containers past at least one threshold
 */
record JointThresholds(double[] thresholds, int[] ranks, long past) {

    /**
     * @param peaks   per evidence, each held-out container's peak (same container order for all)
     * @param floors  per evidence, the lowest threshold it may have
     * @param allowed held-out containers that may be past at least one threshold
     */
    static JointThresholds calibrate(double[][] peaks, double[] floors, long allowed) {
        int evidences = peaks.length;
        int n = evidences == 0 ? 0 : peaks[0].length;
        int[][] descending = new int[evidences][];
        int[] ranks = new int[evidences];
        int[] above = new int[evidences];
        double[] thresholds = new double[evidences];
        for (int s = 0; s < evidences; s++) {
            double[] own = peaks[s];
            descending[s] = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> own[i]).reversed()).mapToInt(Integer::intValue).toArray();
            thresholds[s] = threshold(own, descending[s], floors[s], 0);
            above[s] = countAbove(own, descending[s], thresholds[s], 0);
        }
        boolean[] over = new boolean[n];
        long past = 0;
        for (int s = 0; s < evidences; s++) {
            past += mark(peaks[s], descending[s], 0, above[s], over);
        }
        while (true) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int s = 0; s < evidences; s++) {
                if (ranks[s] + 1 >= n) {
                    continue;
                }
                double lower = threshold(peaks[s], descending[s], floors[s], ranks[s] + 1);
                if (lower >= thresholds[s]) {
                    continue; // at its floor (or a tie that moves nothing)
                }
                int newAbove = countAbove(peaks[s], descending[s], lower, above[s]);
                long cost = 0;
                for (int k = above[s]; k < newAbove; k++) {
                    cost += over[descending[s][k]] ? 0 : 1;
                }
                if (past + cost <= allowed && (cost < bestCost || (cost == bestCost && ranks[s] < ranks[best]))) {
                    best = s;
                    bestCost = cost;
                }
            }
            if (best < 0) {
                break;
            }
            ranks[best]++;
            thresholds[best] = threshold(peaks[best], descending[best], floors[best], ranks[best]);
            int newAbove = countAbove(peaks[best], descending[best], thresholds[best], above[best]);
            past += mark(peaks[best], descending[best], above[best], newAbove, over);
            above[best] = newAbove;
        }
        return new JointThresholds(thresholds, ranks, past);
    }

    /** The peak at this rank (0: the largest), never below the floor. */
    private static double threshold(double[] peaks, int[] descending, double floor, int rank) {
        return Math.max(floor, rank < descending.length ? peaks[descending[rank]] : 0.0);
    }

    /** How many peaks lie strictly above the threshold, counting on from {@code from} known ones. */
    private static int countAbove(double[] peaks, int[] descending, double threshold, int from) {
        int k = from;
        while (k < descending.length && peaks[descending[k]] > threshold) {
            k++;
        }
        return k;
    }

    private static long mark(double[] peaks, int[] descending, int from, int to, boolean[] over) {
        long marked = 0;
        for (int k = from; k < to; k++) {
            if (!over[descending[k]]) {
                over[descending[k]] = true;
                marked++;
            }
        }
        return marked;
    }

    @Override
    public String toString() {
        return "JointThresholds" + Arrays.toString(thresholds) + " ranks " + Arrays.toString(ranks) + " past " + past;
    }
}
