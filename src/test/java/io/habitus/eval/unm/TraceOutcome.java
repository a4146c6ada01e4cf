package io.habitus.eval.unm;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each detector made of one trace: its per-trace figure (higher is more anomalous, the ROC's
 * score) and whether it flagged the trace. For STIDE, allowlist, model and combined the figure is
 * the largest number of flagged positions in any locality frame (STIDE: mismatching windows;
 * allowlist: VIOLATION verdicts; model: events the model judges anomalous, i.e. below its threshold
 * and not learned; combined: either of the two), flagged at the detector's alarm level. For the
 * incident row both come from the product as they are: flagged when any answer carries an incident
 * of the trace's container, figure the largest container risk of its answers (0 when none has one).
 */
record TraceOutcome(String traceId, int calls, Map<Detector, Double> figures, Set<Detector> flagged) {

    static TraceOutcome of(Trace trace, Stide stide, List<HabitusClient.Judged> judged, int frame,
            Map<Detector, Integer> alarmLevels) {
        boolean[] violation = new boolean[judged.size()];
        boolean[] below = new boolean[judged.size()];
        boolean[] either = new boolean[judged.size()];
        double risk = 0;
        boolean incident = false;
        for (int i = 0; i < judged.size(); i++) {
            HabitusClient.Judged j = judged.get(i);
            violation[i] = j.violation();
            below[i] = j.modelAnomalous();
            either[i] = violation[i] || below[i];
            if (j.risk() != null) {
                risk = Math.max(risk, j.risk());
            }
            incident |= j.incident();
        }
        Map<Detector, Double> figures = new EnumMap<>(Detector.class);
        figures.put(Detector.STIDE, (double) stide.anomaly(trace));
        figures.put(Detector.ALLOWLIST, (double) LocalityFrame.maxCount(violation, frame));
        figures.put(Detector.MODEL, (double) LocalityFrame.maxCount(below, frame));
        figures.put(Detector.COMBINED, (double) LocalityFrame.maxCount(either, frame));
        figures.put(Detector.INCIDENT, risk);
        Set<Detector> flagged = EnumSet.noneOf(Detector.class);
        for (Detector detector : Detector.values()) {
            if (detector.hasAlarmLevel() ? figures.get(detector) >= alarmLevels.get(detector) : incident) {
                flagged.add(detector);
            }
        }
        return new TraceOutcome(trace.id(), trace.length(), figures, flagged);
    }

    double figure(Detector detector) {
        return figures.get(detector);
    }

    boolean flagged(Detector detector) {
        return flagged.contains(detector);
    }
}
