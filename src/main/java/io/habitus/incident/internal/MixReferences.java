package io.habitus.incident.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning containers' mixes a detector compares with: per reference container its mix at each
 * checkpoint it reached, and at the end of its window (used at checkpoints it did not reach), plus
 * each checkpoint's scale (the median distance of held-out learning containers at that age to their
 * nearest reference), so that distances at different ages are on one scale.
 */
final class MixReferences {

    /** One learning container: its mixes by checkpoint index, and its whole window's. */
    record Reference(List<MixVector> atCheckpoints, MixVector whole) {

        MixVector at(int index) {
            return index < atCheckpoints.size() ? atCheckpoints.get(index) : whole;
        }
    }

    /**
     * The smallest scale: mixes closer than this Hellinger distance count as the same, so that a
     * window of identical containers (median distance 0) does not turn noise into evidence.
     */
    static final double MIN_SCALE = 0.05;

    final List<Reference> references;
    final double[] scales;

    MixReferences(List<Reference> references, double[] scales) {
        this.references = references;
        this.scales = scales;
    }

    /** The nearest reference's distance at the checkpoint, over that checkpoint's scale; 0 without references. */
    double evidence(MixVector mix, int index) {
        if (references.isEmpty()) {
            return 0;
        }
        double nearest = nearest(mix, index, references);
        double scale = index < scales.length ? scales[index] : scales.length == 0 ? 1 : scales[scales.length - 1];
        return nearest / Math.max(scale, MIN_SCALE);
    }

    static double nearest(MixVector mix, int index, List<Reference> among) {
        double best = 1;
        for (Reference r : among) {
            best = Math.min(best, mix.distance(r.at(index)));
        }
        return best;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(scales.length);
            for (double scale : scales) {
                out.writeDouble(scale);
            }
            out.writeInt(references.size());
            for (Reference r : references) {
                out.writeInt(r.atCheckpoints().size());
                for (MixVector v : r.atCheckpoints()) {
                    write(out, v);
                }
                write(out, r.whole());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MixReferences fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            double[] scales = new double[in.readInt()];
            for (int i = 0; i < scales.length; i++) {
                scales[i] = in.readDouble();
            }
            int n = in.readInt();
            List<Reference> references = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int checkpoints = in.readInt();
                List<MixVector> at = new ArrayList<>(checkpoints);
                for (int c = 0; c < checkpoints; c++) {
                    at.add(read(in));
                }
                references.add(new Reference(at, read(in)));
            }
            return new MixReferences(references, scales);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, MixVector v) throws IOException {
        out.writeInt(v.keys.length);
        for (int i = 0; i < v.keys.length; i++) {
            out.writeLong(v.keys[i]);
            out.writeFloat(v.values[i]);
        }
    }

    private static MixVector read(DataInputStream in) throws IOException {
        int n = in.readInt();
        long[] keys = new long[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
            values[i] = in.readFloat();
        }
        return new MixVector(keys, values);
    }
}
