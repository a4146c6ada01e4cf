package io.habitus.incident.internal;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import io.habitus.incident.IncidentRaised;
import io.habitus.incident.ContainerRisk;
import io.habitus.incident.Incidents;
import io.habitus.incident.persistence.EvidenceRow;
import io.habitus.incident.persistence.IncidentGrowth;
import io.habitus.incident.persistence.IncidentStore;
import io.habitus.incident.persistence.PairCounts;
import io.habitus.scoring.Judgement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A container's evidence while one batch advances it, and the incident it opened or grows. */
final class Episode {

    /** Where new pairs go once a container's mix counts the most distinct pairs it may. */
    private static final long OVERFLOW_PAIR = 0L;

    final ContainerDetector detector;
    long events;
    /** Events novel at each length ({@link EventSequences}); the first is the container sequence's count people see. */
    final long[] novel = new long[EventSequences.LENGTHS];
    double evidence;
    double peak;
    double mixPeak;
    /** Distinct container sequences the model judged ANOMALOUS in the episode, told apart by {@link #anomalousSeen}. */
    long anomalous;
    private SeenSequences anomalousSeen = SeenSequences.none();
    double modelPeak;
    /**
     * The container's recent rarity at the short and the long memory ({@link SequenceRarity#level}) and the
     * episode's peak rarity evidence ({@link ContainerDetector#rarityEvidence}).
     */
    final double[] rarityLevels = new double[2];
    double rarityPeak;
    boolean violation;
    @Nullable Instant firstEventAt;
    @Nullable Instant lastEventAt;
    @Nullable IncidentStanding incident;
    private @Nullable Severity severity;
    /** The incident's severity before this batch; null when there was no open incident. */
    private @Nullable Severity before;
    private boolean opened;
    /** The last event that added evidence, made into a reason only when asked for: most are never shown. */
    private @Nullable Supplier<IncidentReason> latest;
    private PairCounts.Tally pairs = PairCounts.none().tally();
    private final List<IncidentReason> reasons = new ArrayList<>();

    private Episode(ContainerDetector detector) {
        this.detector = detector;
    }

    static Episode fresh(ContainerDetector detector) {
        return new Episode(detector);
    }

    static Episode of(EvidenceRow row, ContainerDetector detector, @Nullable IncidentStanding incident) {
        Episode episode = new Episode(detector);
        episode.events = row.events();
        episode.novel[EventSequences.SEQUENCE] = row.novelEvents();
        episode.novel[EventSequences.LOCAL] = row.novelLocals();
        episode.novel[EventSequences.ACTION] = row.novelActions();
        episode.evidence = row.evidence();
        episode.peak = row.peakEvidence();
        episode.mixPeak = row.mixEvidence();
        episode.violation = row.violated();
        episode.anomalous = row.anomalousEvents();
        episode.anomalousSeen = SeenSequences.stored(row.anomalousSeen());
        episode.modelPeak = row.modelEvidence();
        episode.rarityLevels[0] = row.rarityLevel();
        episode.rarityLevels[1] = row.rarityLongLevel();
        episode.rarityPeak = row.rarityPeak();
        episode.pairs = row.pairs().tally();
        episode.incident = incident != null && !incident.status().isClosed() ? incident : null;
        episode.severity = episode.incident == null ? null : episode.incident.severity();
        episode.before = episode.severity;
        return episode;
    }

    /** Counts the event's token pair; at a checkpoint age, compares the mix with the learning containers' at that age. */
    void pair(long key, int maxPairs) {
        pairs.add(pairs.size() < maxPairs || pairs.contains(key) ? key : OVERFLOW_PAIR);
        if (MixCheckpoints.isCheckpoint(events)) {
            mixPeak = Math.max(mixPeak, detector.mix().evidence(MixVector.of(pairs.toMap()), MixCheckpoints.index(events)));
        }
    }

    /**
     * The largest evidence over its threshold, and at least 1 once the episode broke a profile rule, or a
     * process did something its kind never did while learning, where the image's calibration says normal
     * containers do not ({@link ContainerDetector#violationOpens}, {@link ContainerDetector#newActionOpens}):
     * behaviour outside the allowlist, or outside what each process did, is then an incident of its own,
     * whatever else the container did.
     */
    double risk() {
        double risk = detector.risk(peak, mixPeak, rarityPeak, modelPeak);
        return opensAtOnce() ? Math.max(1.0, risk) : risk;
    }

    boolean crossed() {
        return opensAtOnce() || detector.risk(peak, mixPeak, rarityPeak, modelPeak) > 1;
    }

    private boolean opensAtOnce() {
        return brokenRuleOpens() || newActionOpens();
    }

    private boolean brokenRuleOpens() {
        return violation && detector.violationOpens();
    }

    private boolean newActionOpens() {
        return novel[EventSequences.ACTION] > 0 && detector.newActionOpens();
    }

    /** What opens the incident: a rule that opens one at once, else the evidence with the largest ratio to its threshold. */
    IncidentTrigger openedBy() {
        if (brokenRuleOpens()) {
            return IncidentTrigger.BROKEN_RULE;
        }
        if (newActionOpens()) {
            return IncidentTrigger.NEW_ACTION;
        }
        return detector.strongest(peak, mixPeak, rarityPeak, modelPeak);
    }

    /**
     * Counts an event novel at the given lengths. The sequence evidence is the largest
     * surprise over the lengths it was novel at (scaled, {@link SequenceNovelty}); the peak, what the
     * threshold judges, is the same as over all three lengths, since a length's surprise only falls
     * between its novel events.
     */
    void novel(boolean[] novelAt) {
        double now = 0;
        for (int length = 0; length < novelAt.length; length++) {
            if (novelAt[length]) {
                novel[length]++;
                now = Math.max(now, detector.novelty().evidence(length, novel[length], events));
            }
        }
        evidence = now;
        peak = Math.max(peak, evidence);
    }

    /** Moves the container's rarity levels with the event's rarity ({@link SequenceRarity}); counted events first. */
    void rarity(double rarity) {
        SequenceRarity.advance(rarityLevels, rarity, events);
        rarityPeak = Math.max(rarityPeak, detector.rarityEvidence(rarityLevels[0], rarityLevels[1]));
    }

    long novelSequences() {
        return novel[EventSequences.SEQUENCE];
    }

    /**
     * Counts a transition the active model judged ANOMALOUS, once per distinct container sequence in
     * the episode, as a binomial surprise at the model's event rate: the binomial takes its events as
     * independent, and a container repeating one unlearned transition in a loop is one finding, not
     * dozens (docs/incidents.md, "Model evidence").
     */
    void anomalous(long sequence, double modelRate) {
        if (anomalousSeen.add(sequence)) {
            anomalous++;
            modelPeak = Math.max(modelPeak, NoveltySurprise.of(anomalous, events, modelRate));
        }
    }

    byte @Nullable [] anomalousSeen() {
        return anomalousSeen.bytes();
    }

    PairCounts pairCounts() {
        return pairs.counts();
    }

    /**
     * The event that just added evidence: a reason of the incident while it has room for one (none are
     * made beyond {@link Incidents#MAX_REASONS}, counting those the incident holds already).
     */
    void reason(Supplier<IncidentReason> reason) {
        int stored = incident == null ? 0 : incident.reasons();
        if (stored + reasons.size() < Incidents.MAX_REASONS) {
            IncidentReason made = reason.get();
            reasons.add(made);
            latest = () -> made;
        } else {
            latest = reason;
        }
    }

    void open(IncidentStore store, Judgement trigger, Instant now, boolean dryRun) {
        var t = trigger.transition();
        severity = Severity.of(risk(), violation);
        Incident opened = new Incident(0, t.digest(), t.containerId(), t.event().container().node(), IncidentStatus.OPEN,
                severity, openedBy(), dryRun, now, now, firstEventAt, lastEventAt, risk(), peak, detector.threshold(), mixPeak,
                detector.mixThreshold(), rarityPeak, detector.rarityThreshold(), modelPeak, detector.modelThreshold(),
                events, novelSequences(), detector.id(),
                trigger.profile() == null ? null : trigger.profile().version(),
                trigger.model() == null ? null : trigger.model().version(), reasons, null, null, null);
        long id = store.open(opened);
        this.opened = true;
        incident = new IncidentStanding(id, opened.digest(), opened.containerId(), opened.node(), opened.status(), severity,
                opened.openedBy(), dryRun, now, reasons.size());
        reasons.clear();
    }

    /** What this batch added to an incident that was open before it (or since it opened in it); null without one. */
    @Nullable IncidentGrowth growth() {
        return incident == null || severity == null || lastEventAt == null ? null
                : new IncidentGrowth(incident.id(), severity, lastEventAt, risk(), peak, mixPeak, rarityPeak, modelPeak, events,
                        novelSequences(), List.copyOf(reasons));
    }

    /** Where the incident stands after this batch (its severity, the reasons it holds); null without one. */
    @Nullable IncidentStanding standing() {
        return incident == null || severity == null ? null
                : new IncidentStanding(incident.id(), incident.digest(), incident.containerId(), incident.node(),
                        incident.status(), severity, incident.openedBy(), incident.dryRun(), incident.openedAt(),
                        incident.reasons() + reasons.size());
    }

    /** Severity only rises within an incident. */
    void reassess() {
        if (incident != null) {
            Severity now = Severity.of(risk(), violation);
            if (now.compareTo(severity) > 0) {
                severity = now;
            }
        }
    }

    /**
     * What this batch did to the incident that people should hear of: opened it, or raised its
     * severity; null otherwise, and for dry-run incidents.
     */
    IncidentRaised.@Nullable Change change() {
        if (incident == null || incident.dryRun()) {
            return null;
        }
        if (opened) {
            return IncidentRaised.Change.OPENED;
        }
        return before != null && severity.compareTo(before) > 0 ? IncidentRaised.Change.SEVERITY_RAISED : null;
    }

    @Nullable Severity severity() {
        return severity;
    }

    /** The incident this batch opened (its severity and trigger at opening); null when it opened none. */
    @Nullable IncidentStanding openedIncident() {
        return opened ? incident : null;
    }

    @Nullable Severity severityBefore() {
        return opened ? null : before;
    }

    @Nullable IncidentReason latest() {
        return latest == null ? null : latest.get();
    }

    @Nullable Long incidentId() {
        return incident == null ? null : incident.id();
    }

    ContainerRisk.@Nullable IncidentRef ref() {
        return incident == null ? null
                : new ContainerRisk.IncidentRef(incident.id(), incident.status(), severity, incident.openedBy(), incident.dryRun());
    }
}
