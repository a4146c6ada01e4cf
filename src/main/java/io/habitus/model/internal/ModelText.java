package io.habitus.model.internal;

import io.habitus.model.TransitionModel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of a {@link TransitionModel}: a first line {@code habitus-transition-model F}
 * (F the format), then one {@code key value} line per field (doubles in Java's shortest round-trip
 * form, so reading gives back the identical bits), {@code grid} lines, in format 2 {@code learned}
 * lines (the learned transitions' fingerprints, ascending, as 16 hex digits, eight per line), a
 * line {@code libsvm}, and libsvm's model text verbatim up to the end. Format 1 is format 2 without
 * {@code learned} lines; it is still read, and written back unchanged.
 */
public final class ModelText {

    static final String MAGIC = "habitus-transition-model";
    private static final String LIBSVM = "libsvm";
    private static final String GRID = "grid";
    private static final String WEIGHT = "spec.weight.";
    private static final String LEARNED = "learned";
    private static final int FINGERPRINTS_PER_LINE = 8;
    private static final HexFormat HEX = HexFormat.of();

    private ModelText() {
    }

    public static String write(int format, FeatureSpec spec, HyperParameters hyper, Calibration calibration,
            TrainingStatistics stats, LearnedTransitions learned, String libsvmText) {
        StringBuilder out = new StringBuilder(libsvmText.length() + 2048 + 17 * learned.size());
        out.append(MAGIC).append(' ').append(format).append('\n');
        line(out, "spec.version", spec.version());
        line(out, "spec.dimension", spec.dimension());
        line(out, "spec.window", spec.window());
        line(out, "spec.decay", spec.decay());
        line(out, "spec.hashSeed", spec.hashSeed());
        spec.groupWeights().forEach((group, weight) -> line(out, WEIGHT + group, weight));
        line(out, "nu", hyper.nu());
        line(out, "gamma", hyper.gamma());
        line(out, "gammaFactor", hyper.gammaFactor());
        line(out, "gammaBase", hyper.gammaBase());
        line(out, "targetFalsePositiveRate", calibration.targetFalsePositiveRate());
        line(out, "rawThreshold", calibration.rawThreshold());
        line(out, "centre", calibration.centre());
        line(out, "spread", calibration.spread());
        line(out, "threshold", calibration.threshold());
        line(out, "transitions", stats.transitions());
        line(out, "distinct", stats.distinct());
        line(out, "trainingVectors", stats.trainingVectors());
        line(out, "heldOutVectors", stats.heldOutVectors());
        line(out, "unusedVectors", stats.unusedVectors());
        line(out, "supportVectors", stats.supportVectors());
        line(out, "trainingMillis", stats.trainingMillis());
        line(out, "heldOutFalsePositiveRate", stats.heldOutFalsePositiveRate());
        line(out, "heldOutEventFalsePositiveRate", stats.heldOutEventFalsePositiveRate());
        for (GridPoint point : stats.grid()) {
            out.append(GRID).append(' ').append(point.nu()).append(' ').append(point.gammaFactor()).append(' ')
                    .append(point.gamma()).append(' ').append(point.heldOutFalsePositiveRate()).append(' ')
                    .append(point.supportVectors()).append(' ').append(point.trainingMillis()).append('\n');
        }
        long[] fingerprints = learned.fingerprints();
        for (int i = 0; i < fingerprints.length; i++) {
            out.append(i % FINGERPRINTS_PER_LINE == 0 ? LEARNED : "").append(' ').append(HEX.toHexDigits(fingerprints[i]));
            if (i % FINGERPRINTS_PER_LINE == FINGERPRINTS_PER_LINE - 1 || i == fingerprints.length - 1) {
                out.append('\n');
            }
        }
        out.append(LIBSVM).append('\n');
        return out.append(libsvmText).toString();
    }

    public static TransitionModel read(String text) {
        try {
            int end = text.indexOf('\n');
            String first = end < 0 ? text : text.substring(0, end);
            int format;
            if (first.equals(MAGIC + " 1")) {
                format = 1;
            } else if (first.equals(MAGIC + " " + TransitionModel.FORMAT_VERSION)) {
                format = TransitionModel.FORMAT_VERSION;
            } else {
                throw new InvalidModelException("not a " + MAGIC + " of format 1 or " + TransitionModel.FORMAT_VERSION);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Double> weights = new LinkedHashMap<>();
            List<GridPoint> grid = new ArrayList<>();
            List<Long> learned = new ArrayList<>();
            int at = end + 1;
            while (true) {
                end = text.indexOf('\n', at);
                if (end < 0) {
                    throw new InvalidModelException("model text has no libsvm section");
                }
                String line = text.substring(at, end);
                at = end + 1;
                if (line.equals(LIBSVM)) {
                    break;
                }
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                if (key.equals(GRID)) {
                    grid.add(gridPoint(value));
                } else if (key.equals(LEARNED) && format > 1) {
                    for (String hex : value.split(" ")) {
                        learned.add(HEX.fromHexDigitsToLong(hex));
                    }
                } else if (key.startsWith(WEIGHT)) {
                    weights.put(key.substring(WEIGHT.length()), Double.parseDouble(value));
                } else if (values.put(key, value) != null) {
                    throw new InvalidModelException("duplicate key " + key);
                }
            }
            return build(format, new Fields(values), weights, grid,
                    LearnedTransitions.ofFingerprints(learned.stream().mapToLong(Long::longValue).toArray()),
                    text.substring(at));
        } catch (RuntimeException e) {
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException("unreadable model text: " + e.getMessage(), e);
        }
    }

    private static TransitionModel build(int format, Fields f, Map<String, Double> weights, List<GridPoint> grid,
            LearnedTransitions learned, String libsvm) {
        FeatureSpec spec = new FeatureSpec(f.integer("spec.version"), f.integer("spec.dimension"),
                f.integer("spec.window"), f.real("spec.decay"), f.integer("spec.hashSeed"), weights);
        HyperParameters hyper = new HyperParameters(f.real("nu"), f.real("gamma"), f.real("gammaFactor"), f.real("gammaBase"));
        Calibration calibration = new Calibration(f.real("targetFalsePositiveRate"), f.real("rawThreshold"),
                f.real("centre"), f.real("spread"), f.real("threshold"));
        TrainingStatistics stats = new TrainingStatistics(f.whole("transitions"), f.integer("distinct"),
                f.integer("trainingVectors"), f.integer("heldOutVectors"), f.integer("unusedVectors"),
                f.integer("supportVectors"), f.whole("trainingMillis"), f.real("heldOutFalsePositiveRate"),
                f.real("heldOutEventFalsePositiveRate"), grid);
        f.requireAllRead();
        return TransitionModel.of(format, spec, hyper, calibration, stats, libsvm, learned);
    }

    private static GridPoint gridPoint(String value) {
        String[] parts = value.split(" ");
        if (parts.length != 6) {
            throw new InvalidModelException("grid line needs 6 values: " + value);
        }
        return new GridPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3]), Integer.parseInt(parts[4]), Long.parseLong(parts[5]));
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append(' ').append(value).append('\n');
    }

    private record Fields(Map<String, String> values) {

        String take(String key) {
            String value = values.remove(key);
            if (value == null) {
                throw new InvalidModelException("model text lacks " + key);
            }
            return value;
        }

        double real(String key) {
            return Double.parseDouble(take(key));
        }

        int integer(String key) {
            return Integer.parseInt(take(key));
        }

        long whole(String key) {
            return Long.parseLong(take(key));
        }

        void requireAllRead() {
            if (!values.isEmpty()) {
                throw new InvalidModelException("model text has unknown keys " + values.keySet());
            }
        }
    }
}
