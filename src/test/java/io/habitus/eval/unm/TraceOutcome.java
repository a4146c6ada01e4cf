package io.habitus.eval.unm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each detector made of one trace: its anomaly figure, the largest number of flagged
 * positions in any locality frame (STIDE: mismatching windows; allowlist: VIOLATION verdicts;
 * model: events the model judges anomalous, i.e. below its threshold and not learned; combined:
 * either of the two).
 */
record TraceOutcome(String traceId, int calls, Map<Detector, Integer> figures, double lowestScore) {

    static TraceOutcome of(Trace trace, Stide stide, List<HabitusClient.Judged> judged, int frame) {
        boolean[] violation = new boolean[judged.size()];
        boolean[] below = new boolean[judged.size()];
        boolean[] either = new boolean[judged.size()];
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < judged.size(); i++) {
            HabitusClient.Judged j = judged.get(i);
            violation[i] = j.violation();
            below[i] = j.modelAnomalous();
            either[i] = violation[i] || below[i];
            if (j.score() != null) {
                lowest = Math.min(lowest, j.score());
            }
        }
        Map<Detector, Integer> figures = new EnumMap<>(Detector.class);
        figures.put(Detector.STIDE, stide.anomaly(trace));
        figures.put(Detector.ALLOWLIST, LocalityFrame.maxCount(violation, frame));
        figures.put(Detector.MODEL, LocalityFrame.maxCount(below, frame));
        figures.put(Detector.COMBINED, LocalityFrame.maxCount(either, frame));
        return new TraceOutcome(trace.id(), trace.length(), figures, lowest);
    }

    int figure(Detector detector) {
        return figures.get(detector);
    }
}
