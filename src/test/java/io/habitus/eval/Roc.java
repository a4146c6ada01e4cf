package io.habitus.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ROC of a detector whose score is lower for more anomalous items: AUC by the Mann–Whitney
 * statistic (ties count one half) and the curve's points (false-positive rate, true-positive rate)
 * when flagging every item with score ≤ t, for each distinct t.
 */
public final class Roc {

    private Roc() {}

    public static double auc(double[] normal, double[] attack) {
        if (normal.length == 0 || attack.length == 0) {
            return Double.NaN;
        }
        double[] sortedNormal = normal.clone();
        Arrays.sort(sortedNormal);
        double sum = 0;
        for (double a : attack) {
            int below = lowerBound(sortedNormal, a);
            int notAbove = upperBound(sortedNormal, a);
            // the attack ranks below every normal item with a larger score, ties half
            sum += (sortedNormal.length - notAbove) + 0.5 * (notAbove - below);
        }
        return sum / ((double) normal.length * attack.length);
    }

    static List<double[]> curve(double[] normal, double[] attack) {
        double[] all = new double[normal.length + attack.length];
        System.arraycopy(normal, 0, all, 0, normal.length);
        System.arraycopy(attack, 0, all, normal.length, attack.length);
        double[] thresholds = Arrays.stream(all).distinct().sorted().toArray();
        double[] sortedNormal = normal.clone();
        double[] sortedAttack = attack.clone();
        Arrays.sort(sortedNormal);
        Arrays.sort(sortedAttack);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        for (double t : thresholds) {
            points.add(new double[] {(double) upperBound(sortedNormal, t) / normal.length,
                (double) upperBound(sortedAttack, t) / attack.length});
        }
        points.add(new double[] {1, 1});
        return points;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Detection rate when the threshold is set on the normal items themselves so that at most
     * {@code falsePositiveRate} of them are flagged (flagged: score strictly below the threshold).
     * Optimistic by construction (the threshold sees the data it is measured on); it shows what the
     * scores could do at that rate, next to what the model's own calibrated threshold does.
     */
    static double detectionAt(double falsePositiveRate, double[] normal, double[] attack) {
        if (normal.length == 0 || attack.length == 0) {
            return Double.NaN;
        }
        double[] sorted = normal.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.floor(falsePositiveRate * sorted.length)];
        long detected = Arrays.stream(attack).filter(a -> a < threshold).count();
        return (double) detected / attack.length;
    }
}
