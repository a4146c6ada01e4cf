package io.habitus.profile.internal;

import io.habitus.profile.Learning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks learning images for completion on a schedule, on every replica (rows are claimed with SKIP LOCKED). */
@Component
class LearningSupervisor {

    private static final Logger log = LoggerFactory.getLogger(LearningSupervisor.class);

    private final Learning learning;

    LearningSupervisor(Learning learning) {
        this.learning = learning;
    }

    @Scheduled(fixedDelayString = "${habitus.learning.check-interval:5s}", initialDelayString = "${habitus.learning.check-interval:5s}")
    void check() {
        try {
            learning.finishCompleteWindows();
        } catch (RuntimeException e) {
            log.warn("checking learning windows failed; trying again later: {}", e.getMessage());
        }
    }
}
