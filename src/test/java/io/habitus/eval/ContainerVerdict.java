package io.habitus.eval;

import java.util.List;

/**
 * Habitus's own verdict on one container, read from the answers for its events and nothing else:
 * it has an incident when any answer carries one, and its risk is the largest risk of its answers
 * (0 when none carries a risk: the image had no container detector).
 *
 * @param group    "held-out" (long lives), "short" (short lives) or the attack scenario
 * @param openedAt index of the first answer with an incident, -1 for none
 * @param openedBy that answer's token, null for none
 */
record ContainerVerdict(String containerId, String group, int events, boolean incident, double risk, int openedAt,
        String openedBy) {

    static ContainerVerdict of(String containerId, String group, List<Judged> answers) {
        double risk = 0;
        int openedAt = -1;
        for (int i = 0; i < answers.size(); i++) {
            Judged answer = answers.get(i);
            if (answer.risk() != null) {
                risk = Math.max(risk, answer.risk());
            }
            if (openedAt < 0 && answer.incident()) {
                openedAt = i;
            }
        }
        return new ContainerVerdict(containerId, group, answers.size(), openedAt >= 0, risk, openedAt,
                openedAt >= 0 ? answers.get(openedAt).token() : null);
    }

    /** The ROC's score, which runs the other way (lower is more anomalous, as for event scores). */
    double rocScore() {
        return -risk;
    }
}
