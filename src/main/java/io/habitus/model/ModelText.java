package io.habitus.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persisted form of a {@link TransitionModel}, format version 1: a first line
 * {@code habitus-transition-model 1}, then one {@code key value} line per field (doubles in Java's
 * shortest round-trip form, so reading gives back the identical bits), {@code grid} lines, a line
 * {@code libsvm}, and libsvm's model text verbatim up to the end.
 */
final class ModelText {

    static final String MAGIC = "habitus-transition-model";
    private static final String LIBSVM = "libsvm";
    private static final String GRID = "grid";
    private static final String WEIGHT = "spec.weight.";

    private ModelText() {
    }

    static String write(FeatureSpec spec, HyperParameters hyper, Calibration calibration, TrainingStatistics stats,
            String libsvmText) {
        StringBuilder out = new StringBuilder(libsvmText.length() + 2048);
        out.append(MAGIC).append(' ').append(TransitionModel.FORMAT_VERSION).append('\n');
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
        out.append(LIBSVM).append('\n');
        return out.append(libsvmText).toString();
    }

    static TransitionModel read(String text) {
        try {
            int end = text.indexOf('\n');
            if (end < 0 || !text.substring(0, end).equals(MAGIC + " " + TransitionModel.FORMAT_VERSION)) {
                throw new InvalidModelException("not a " + MAGIC + " of format " + TransitionModel.FORMAT_VERSION);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Double> weights = new LinkedHashMap<>();
            List<GridPoint> grid = new ArrayList<>();
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
                } else if (key.startsWith(WEIGHT)) {
                    weights.put(key.substring(WEIGHT.length()), Double.parseDouble(value));
                } else if (values.put(key, value) != null) {
                    throw new InvalidModelException("duplicate key " + key);
                }
            }
            return build(new Fields(values), weights, grid, text.substring(at));
        } catch (RuntimeException e) {
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException("unreadable model text: " + e.getMessage(), e);
        }
    }

    private static TransitionModel build(Fields f, Map<String, Double> weights, List<GridPoint> grid, String libsvm) {
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
        return TransitionModel.of(spec, hyper, calibration, stats, libsvm);
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
