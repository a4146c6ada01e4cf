package io.habitus.eval.unm;

/**
 * Counts flagged positions in a sliding frame (Hofmeyr, Forrest and Somayaji's locality frame
 * count): anomalies that cluster in time matter, scattered ones less.
 */
final class LocalityFrame {

    private LocalityFrame() {
    }

    /** The largest number of {@code true} values among any {@code frame} consecutive positions. */
    static int maxCount(boolean[] flags, int frame) {
        int inFrame = 0;
        int max = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                inFrame++;
            }
            if (i >= frame && flags[i - frame]) {
                inFrame--;
            }
            max = Math.max(max, inFrame);
        }
        return max;
    }
}
