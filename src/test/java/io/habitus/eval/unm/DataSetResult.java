package io.habitus.eval.unm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data set's row group of the table: per detector, which intrusion files it detected (a file
 * counts when any of its traces is flagged), its false-positive rate over the held-out normal
 * traces, and the ROC AUC of the per-trace figure; with the sizes, the model and the container
 * detector the service built.
 */
record DataSetResult(String name, Map<String, Object> sizes, Map<Detector, Integer> alarmLevels,
        Map<Detector, Map<String, Boolean>> detected, Map<Detector, Double> falsePositiveRate, Map<Detector, Double> auc,
        Map<String, Object> model, Map<String, Object> containerDetector) {

    static DataSetResult of(String name, Map<String, Object> sizes, Map<Detector, Integer> alarmLevels,
            List<TraceOutcome> heldOut, Map<String, List<TraceOutcome>> intrusions, Map<String, Object> model,
            Map<String, Object> containerDetector) {
        Map<Detector, Map<String, Boolean>> detected = new EnumMap<>(Detector.class);
        Map<Detector, Double> falsePositives = new EnumMap<>(Detector.class);
        Map<Detector, Double> auc = new EnumMap<>(Detector.class);
        for (Detector detector : Detector.values()) {
            Map<String, Boolean> files = new LinkedHashMap<>();
            intrusions.forEach((file, outcomes) -> files.put(file, outcomes.stream().anyMatch(o -> o.flagged(detector))));
            detected.put(detector, files);
            falsePositives.put(detector, heldOut.stream().filter(o -> o.flagged(detector)).count()
                    / (double) heldOut.size());
            double[] negatives = heldOut.stream().mapToDouble(o -> o.figure(detector)).toArray();
            double[] positives = intrusions.values().stream().flatMap(List::stream).mapToDouble(o -> o.figure(detector))
                    .toArray();
            auc.put(detector, RocAuc.of(positives, negatives));
        }
        return new DataSetResult(name, sizes, alarmLevels, detected, falsePositives, auc, model, containerDetector);
    }

    long filesDetected(Detector detector) {
        return detected.get(detector).values().stream().filter(Boolean::booleanValue).count();
    }

    int files() {
        return detected.get(Detector.STIDE).size();
    }
}
