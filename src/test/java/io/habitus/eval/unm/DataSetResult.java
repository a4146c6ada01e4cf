package io.habitus.eval.unm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data set's row group of the table: per detector, which intrusion files it detected (a file
 * counts when any of its traces is flagged), how many attack traces (runs) it flagged, its
 * false-positive rate over the held-out normal traces, and the ROC AUC of the per-trace figure; STIDE
 * set to flag no more normal traces than the incident verdict did (the held-out aim compares attack
 * runs at that rate); with the sizes, the model and the container detector the service built.
 */
record DataSetResult(String name, Map<String, Object> sizes, Map<Detector, Integer> alarmLevels,
        Map<Detector, Map<String, Boolean>> detected, Map<Detector, Long> attackTracesFlagged, long attackTraces,
        Map<Detector, Long> normalTracesFlagged, long heldOutTraces, Map<Detector, Double> falsePositiveRate, Map<Detector, Double> auc,
        AtSameRate stideAtIncidentRate, Map<String, Object> model, Map<String, Object> containerDetector) {

    static DataSetResult of(String name, Map<String, Object> sizes, Map<Detector, Integer> alarmLevels,
            List<TraceOutcome> heldOut, Map<String, List<TraceOutcome>> intrusions, Map<String, Object> model,
            Map<String, Object> containerDetector) {
        Map<Detector, Map<String, Boolean>> detected = new EnumMap<>(Detector.class);
        Map<Detector, Long> attacksFlagged = new EnumMap<>(Detector.class);
        Map<Detector, Long> normalFlagged = new EnumMap<>(Detector.class);
        Map<Detector, Double> falsePositives = new EnumMap<>(Detector.class);
        Map<Detector, Double> auc = new EnumMap<>(Detector.class);
        List<TraceOutcome> attacks = intrusions.values().stream().flatMap(List::stream).toList();
        for (Detector detector : Detector.values()) {
            Map<String, Boolean> files = new LinkedHashMap<>();
            intrusions.forEach((file, outcomes) -> files.put(file, outcomes.stream().anyMatch(o -> o.flagged(detector))));
            detected.put(detector, files);
            attacksFlagged.put(detector, attacks.stream().filter(o -> o.flagged(detector)).count());
            normalFlagged.put(detector, heldOut.stream().filter(o -> o.flagged(detector)).count());
            falsePositives.put(detector, normalFlagged.get(detector) / (double) heldOut.size());
            auc.put(detector, RocAuc.of(figures(attacks, detector), figures(heldOut, detector)));
        }
        AtSameRate stide = AtSameRate.of(figures(attacks, Detector.STIDE), figures(heldOut, Detector.STIDE),
                normalFlagged.get(Detector.INCIDENT));
        return new DataSetResult(name, sizes, alarmLevels, detected, attacksFlagged, attacks.size(), normalFlagged,
                heldOut.size(), falsePositives, auc, stide, model, containerDetector);
    }

    private static double[] figures(List<TraceOutcome> outcomes, Detector detector) {
        return outcomes.stream().mapToDouble(o -> o.figure(detector)).toArray();
    }

    long filesDetected(Detector detector) {
        return detected.get(detector).values().stream().filter(Boolean::booleanValue).count();
    }

    int files() {
        return detected.get(Detector.STIDE).size();
    }
}
