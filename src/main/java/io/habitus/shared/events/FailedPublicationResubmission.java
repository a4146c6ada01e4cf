package io.habitus.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs failed after-commit listeners again. A publication fails when its listener threw (the
 * database was away, say), or when the registry's staleness monitor finds it stuck
 * ({@code spring.modulith.events.staleness.*}: a replica died while it was published or being
 * processed); then any replica resubmits it here, not only the one that restarts. Listeners are
 * written to be run twice without harm.
 */
@Component
class FailedPublicationResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedPublicationResubmission.class);

    private final FailedEventPublications failed;
    private final EventsProperties properties;

    FailedPublicationResubmission(FailedEventPublications failed, EventsProperties properties) {
        this.failed = failed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${habitus.events.resubmit-interval:1m}", initialDelayString = "${habitus.events.resubmit-interval:1m}")
    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(properties.resubmitMinAge()).withBatchSize(100)
                    .withMaxInFlight(100));
        } catch (RuntimeException e) {
            log.warn("resubmitting failed event publications failed; trying again later: {}", e.toString());
        }
    }
}
