package io.habitus.incident;

import io.habitus.incident.internal.RecentEvidence;
import io.habitus.incident.internal.ActiveDetectors;
import io.habitus.incident.internal.DetectorView;
import io.habitus.incident.internal.EvidenceTracker;
import io.habitus.incident.internal.Incident;
import io.habitus.incident.internal.IncidentFilter;
import io.habitus.incident.internal.IncidentPage;
import io.habitus.incident.internal.IncidentProperties;
import io.habitus.incident.internal.IncidentStatus;
import io.habitus.incident.internal.ProposedSequence;
import io.habitus.incident.persistence.DetectorRow;
import io.habitus.incident.persistence.DetectorStore;
import io.habitus.incident.persistence.IncidentStore;
import io.habitus.scoring.Judgement;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents: the pipeline's container step ({@link #assess}), what-if risks ({@link #preview}),
 * and what people read and do with incidents and detectors.
 */
@Service
public class Incidents {

    public static final int MAX_REASONS = 50;
    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final TypeReference<Map<String, Object>> STATISTICS = new TypeReference<>() {};

    private final EvidenceTracker tracker;
    private final IncidentStore incidents;
    private final RecentEvidence evidence;
    private final DetectorStore detectors;
    private final ActiveDetectors active;
    private final IncidentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Incidents(EvidenceTracker tracker, IncidentStore incidents, RecentEvidence evidence, DetectorStore detectors,
            ActiveDetectors active, IncidentProperties properties, JsonMapper json, Clock clock) {
        this.tracker = tracker;
        this.incidents = incidents;
        this.evidence = evidence;
        this.detectors = detectors;
        this.active = active;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Advances the judged containers' evidence in the caller's transaction and opens or grows their
     * incidents; one risk per judgement, in its order (null where no detector judges the image), and
     * the incidents opened or raised in severity (outside a dry run), which the pipeline alerts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ContainerAssessment assess(List<Judgement> judgements) {
        return tracker.advance(judgements, true);
    }

    /**
     * The risks {@link #assess} would give, from the stored evidence (as this replica knows it,
     * {@link RecentEvidence}), changing nothing. Not transactional: usually nothing is read, and
     * a read is single statements, each consistent on its own.
     */
    public List<ContainerRisk> preview(List<Judgement> judgements) {
        return tracker.advance(judgements, false).risks();
    }

    @Transactional(readOnly = true)
    public IncidentPage list(IncidentFilter filter, @Nullable String cursor, int limit) {
        List<Incident> found = incidents.find(filter, PageCursor.idBefore(cursor), limit + 1);
        List<Incident> page = found.size() > limit ? found.subList(0, limit) : found;
        return new IncidentPage(page, found.size() > limit ? PageCursor.before(page.getLast().id()) : null);
    }

    @Transactional(readOnly = true)
    public Incident find(long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    /** OPEN → ACKNOWLEDGED: someone is on it. */
    @Transactional
    public Incident acknowledge(long id, String by, @Nullable String note) {
        Incident incident = lock(id);
        if (incident.status() != IncidentStatus.OPEN) {
            throw conflict(incident, "acknowledged");
        }
        incidents.setStatus(id, IncidentStatus.ACKNOWLEDGED, by, note, clock.instant());
        evidence.forget(incident.containerId());
        return find(id);
    }

    /** Ends the episode as handled; the container's next events start a new one. */
    @Transactional
    public Incident resolve(long id, String by, @Nullable String note) {
        return close(id, IncidentStatus.RESOLVED, by, note);
    }

    /**
     * Ends the episode as normal behaviour: the sequences that raised it are learned by the image's
     * detector from now on (on every replica within a refresh), as "allow" teaches the profile.
     */
    @Transactional
    public Incident markFalsePositive(long id, String by, @Nullable String note) {
        Incident incident = close(id, IncidentStatus.FALSE_POSITIVE, by, note);
        List<Long> fingerprints = incident.reasons().stream().flatMap(r -> r.fingerprints().stream())
                .map(hex -> Long.parseUnsignedLong(hex, 16)).distinct().toList();
        detectors.allow(incident.digest(), fingerprints);
        active.forget(incident.digest());
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<DetectorView> detectors(ImageDigest digest) {
        return detectors.headers(digest.value()).stream().map(this::view).toList();
    }

    /**
     * What the detector's dry run proposes as normal: sequences that raised dry-run incidents on at
     * least {@code habitus.incident.proposal-containers} containers and {@code …-nodes} nodes. An
     * attack repeated on many containers shows up here too, which is why a person decides.
     */
    @Transactional(readOnly = true)
    public List<ProposedSequence> proposals(ImageDigest digest, long detectorId) {
        requireDetector(digest, detectorId);
        return incidents.dryRunSequences(detectorId, properties.proposalContainers(), properties.proposalNodes(), 500);
    }

    /** Accepts proposals in one step: their sequences count as learned for the image from now on. */
    @Transactional
    public List<ProposedSequence> acceptProposals(ImageDigest digest, long detectorId, @Nullable List<String> fingerprints) {
        List<ProposedSequence> proposed = proposals(digest, detectorId);
        List<ProposedSequence> accepted = proposed.stream()
                .filter(p -> fingerprints == null || fingerprints.contains(p.sequenceFingerprint())).toList();
        List<String> keys = accepted.stream().map(ProposedSequence::sequenceFingerprint).toList();
        detectors.allow(digest.value(), incidents.reasonFingerprints(detectorId, keys).stream()
                .map(hex -> Long.parseUnsignedLong(hex, 16)).toList());
        active.forget(digest.value());
        return accepted;
    }

    private void requireDetector(ImageDigest digest, long detectorId) {
        if (detectors.headers(digest.value()).stream().noneMatch(d -> d.id() == detectorId)) {
            throw new NotFoundException("Image " + digest + " has no container detector " + detectorId);
        }
    }

    private Incident close(long id, IncidentStatus status, String by, @Nullable String note) {
        // The pipeline locks a container's evidence, then grows its incident; closing takes the two locks in
        // that order too, or a batch of the container and this action could each wait for the other.
        evidence.lockEpisodeOf(id);
        Incident incident = lock(id);
        if (incident.status().isClosed()) {
            throw conflict(incident, status == IncidentStatus.RESOLVED ? "resolved" : "marked a false positive");
        }
        incidents.setStatus(id, status, by, note, clock.instant());
        evidence.endEpisode(incident.containerId(), id);
        return find(id);
    }

    private Incident lock(long id) {
        return incidents.lock(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    private static HabitusProblem conflict(Incident incident, String action) {
        return new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                "Incident " + incident.id() + " is " + incident.status() + " and cannot be " + action);
    }

    /** Bounded memory for many containers: evidence of containers that went quiet is forgotten. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetIdle() {
        try {
            int forgotten = evidence.forgetIdleSince(clock.instant().minus(properties.idleExpiry()));
            if (forgotten > 0) {
                log.info("forgot the evidence of {} containers idle for {}", forgotten, properties.idleExpiry());
            }
        } catch (RuntimeException e) {
            log.warn("forgetting idle container evidence failed: {}", e.getMessage());
        }
    }

    private DetectorView view(DetectorRow row) {
        long[] counts = incidents.countsOf(row.id());
        Instant dryRunUntil = row.readyAt() == null ? null : row.readyAt().plus(properties.dryRun());
        Map<String, Object> statistics = row.statistics() == null ? Map.of() : json.readValue(row.statistics(), STATISTICS);
        Integer learned = row.statistics() == null ? null
                : ((Number) statistics.getOrDefault("distinctSequences", 0)).intValue();
        long proposals = incidents.dryRunSequences(row.id(), properties.proposalContainers(), properties.proposalNodes(), 500).size();
        return new DetectorView(row.id(), row.digest(), row.window(), row.status(), row.createdAt(), row.readyAt(), learned,
                row.noveltyRate(), row.threshold(), row.mixThreshold(), statistics,
                row.error(), dryRunUntil, counts[0], counts[1], proposals);
    }
}
