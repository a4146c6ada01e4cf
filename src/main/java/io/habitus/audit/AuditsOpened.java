package io.habitus.audit;

import java.util.List;

/**
 * Deviations that opened new audits, published in the transaction that recorded them (one event per
 * batch; repeats counted on an existing audit are not in it). Listeners after commit, through the
 * event publication registry: an alert is not lost with a crash between commit and delivery.
 */
public record AuditsOpened(List<OpenedAudit> audits) {

    public AuditsOpened {
        audits = List.copyOf(audits);
        if (audits.isEmpty()) {
            throw new IllegalArgumentException("an AuditsOpened event names at least one audit");
        }
    }
}
