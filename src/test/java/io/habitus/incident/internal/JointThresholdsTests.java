package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JointThresholdsTests {

    /** 100 containers, each evidence ascending with the container's index, plus an offset per evidence. */
    private static double[][] peaks(int evidences, int[] order) {
        double[][] peaks = new double[evidences][order.length];
        for (int s = 0; s < evidences; s++) {
            for (int i = 0; i < order.length; i++) {
                peaks[s][i] = 10 + order[i] + s;
            }
        }
        return peaks;
    }

    private static int[] ascending(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @Test
    void theSameUnusualContainersAtEveryEvidenceSpendTheAllowanceOnce() {
        JointThresholds joint = JointThresholds.calibrate(peaks(4, ascending(100)), new double[4], 3);

        assertThat(joint.past()).isEqualTo(3);
        assertThat(joint.ranks()).as("each threshold lets the same three containers past").containsExactly(3, 3, 3, 3);
        assertThat(joint.thresholds()[0]).isEqualTo(10 + 96);
        assertThat(joint.thresholds()[3]).isEqualTo(13 + 96);
    }

    @Test
    void unusualContainersOfTheirOwnPerEvidenceShareTheAllowance() {
        double[][] peaks = new double[4][100];
        // Evidence s ranks the containers by (i + 25 s) mod 100: its top containers are other evidences' ordinary ones.
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 100; i++) {
                peaks[s][i] = (i + 25 * s) % 100;
            }
        }

        JointThresholds joint = JointThresholds.calibrate(peaks, new double[4], 9);

        assertThat(joint.past()).isEqualTo(9);
        assertThat(joint.ranks()).as("the allowance shared: 9 containers, 2 or 3 per evidence").containsExactly(3, 2, 2, 2);
    }

    @Test
    void anEvidenceMovesFreelyPastContainersAnotherAlreadyLetPast() {
        // Evidence 0 ranks containers 99, 98, 97 …; evidence 1 ranks 0, 1, 2 … but also puts 99 second.
        double[][] peaks = new double[2][100];
        for (int i = 0; i < 100; i++) {
            peaks[0][i] = i;
            peaks[1][i] = 100 - i;
        }
        peaks[1][99] = 99.5;

        JointThresholds joint = JointThresholds.calibrate(peaks, new double[2], 2);

        assertThat(joint.past()).isEqualTo(2);
        assertThat(joint.ranks()).containsExactly(1, 2);
    }

    @Test
    void noAllowanceLeavesEveryThresholdAtItsLargestPeakAndFloorsHold() {
        JointThresholds none = JointThresholds.calibrate(peaks(2, ascending(50)), new double[2], 0);
        JointThresholds floored = JointThresholds.calibrate(peaks(2, ascending(50)), new double[] {1_000, 0}, 10);

        assertThat(none.ranks()).containsExactly(0, 0);
        assertThat(none.past()).isZero();
        assertThat(none.thresholds()).containsExactly(59, 60);
        assertThat(floored.thresholds()[0]).isEqualTo(1_000);
        assertThat(floored.past()).isEqualTo(10);
    }

    @Test
    void noHeldOutContainersGiveTheFloors() {
        JointThresholds empty = JointThresholds.calibrate(new double[][] {{}, {}}, new double[] {2.95, 1.0}, 0);

        assertThat(empty.thresholds()).containsExactly(2.95, 1.0);
        assertThat(empty.past()).isZero();
    }
}
