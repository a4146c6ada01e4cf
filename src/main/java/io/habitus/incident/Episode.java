package io.habitus.incident;

import io.habitus.incident.persistence.EvidenceRow;
import io.habitus.incident.persistence.IncidentStore;
import io.habitus.scoring.Judgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A container's evidence while one batch advances it, and the incident it opened or grows. */
final class Episode {

    final ContainerDetector detector;
    long events;
    long novel;
    double evidence;
    double peak;
    boolean violation;
    Instant firstEventAt;
    Instant lastEventAt;
    Incident incident;
    private Severity severity;
    private final List<IncidentReason> reasons = new ArrayList<>();

    private Episode(ContainerDetector detector) {
        this.detector = detector;
    }

    static Episode fresh(ContainerDetector detector) {
        return new Episode(detector);
    }

    static Episode of(EvidenceRow row, ContainerDetector detector, Incident incident) {
        Episode episode = new Episode(detector);
        episode.events = row.events();
        episode.novel = row.novelEvents();
        episode.evidence = row.evidence();
        episode.peak = row.peakEvidence();
        episode.incident = incident != null && !incident.status().isClosed() ? incident : null;
        episode.severity = episode.incident == null ? null : episode.incident.severity();
        return episode;
    }

    void reason(IncidentReason reason) {
        if (reasons.size() < Incidents.MAX_REASONS) {
            reasons.add(reason);
        }
    }

    void open(IncidentStore store, Judgement trigger, Instant now, boolean dryRun) {
        var t = trigger.transition();
        Incident opened = new Incident(0, t.digest(), t.containerId(), t.event().container().node(), IncidentStatus.OPEN,
                Severity.of(peak / detector.threshold(), violation), dryRun, now, now,
                firstEventAt, lastEventAt, peak, detector.threshold(), peak / detector.threshold(), events, novel, detector.id(),
                trigger.profile() == null ? null : trigger.profile().version(),
                trigger.model() == null ? null : trigger.model().version(), reasons, null, null, null);
        long id = store.open(opened);
        severity = opened.severity();
        incident = new Incident(id, opened.digest(), opened.containerId(), opened.node(), opened.status(), opened.severity(),
                dryRun, now, now, firstEventAt, lastEventAt, peak, opened.threshold(), opened.risk(), events, novel,
                detector.id(), opened.profileVersion(), opened.modelVersion(), List.of(), null, null, null);
        reasons.clear();
    }

    /** Writes what this batch added to an incident that was open before it (or since it opened in it). */
    void grow(IncidentStore store, int maxReasons, Instant now) {
        if (incident == null) {
            return;
        }
        store.grow(incident.id(), severity, lastEventAt, peak, events, novel, reasons, maxReasons, now);
    }

    /** Severity only rises within an incident. */
    void reassess() {
        if (incident != null) {
            Severity now = Severity.of(peak / detector.threshold(), violation);
            if (now.compareTo(severity) > 0) {
                severity = now;
            }
        }
    }

    Long incidentId() {
        return incident == null ? null : incident.id();
    }

    ContainerRisk.IncidentRef ref() {
        return incident == null ? null
                : new ContainerRisk.IncidentRef(incident.id(), incident.status(), severity, incident.dryRun());
    }
}
