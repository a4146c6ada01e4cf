package io.habitus.incident.internal;

import io.habitus.incident.IncidentRaised;
import io.habitus.behavior.ObservedTransition;
import io.habitus.incident.ContainerAssessment;
import io.habitus.incident.ContainerRisk;
import io.habitus.incident.Incidents;
import io.habitus.incident.LearningSequences;
import io.habitus.incident.persistence.EvidenceRow;
import io.habitus.incident.persistence.IncidentGrowth;
import io.habitus.incident.persistence.IncidentStore;
import io.habitus.incident.persistence.StoredEvidence;
import io.habitus.ingest.ContainerRef;
import io.habitus.scoring.Judgement;
import io.habitus.shared.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Advances each judged container's evidence with its events and opens or grows its incident. An
 * event adds evidence when its sequence (the container's last tokens and its own, by its acting process) is one the
 * image never showed while learning, or when it broke a profile rule; the evidence is the binomial
 * surprise of the container's novel events so far ({@link NoveltySurprise}), and its peak in the
 * episode is what the image's threshold judges. Containers of images without a READY detector
 * (still learning, unknown) carry no evidence. An incident opened or raised in severity (outside its
 * detector's dry run) is returned as {@link IncidentRaised}, for the pipeline to alert.
 */
@Component
public class EvidenceTracker {

    private final ActiveDetectors detectors;
    private final RecentEvidence evidence;
    private final IncidentStore incidents;
    private final LearningSequences sequences;
    private final IncidentProperties properties;
    private final IncidentMetrics metrics;
    private final Clock clock;

    EvidenceTracker(ActiveDetectors detectors, RecentEvidence evidence, IncidentStore incidents,
            LearningSequences sequences, IncidentProperties properties, IncidentMetrics metrics, Clock clock) {
        this.detectors = detectors;
        this.evidence = evidence;
        this.incidents = incidents;
        this.sequences = sequences;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One risk per judgement (null where no detector judges); {@code commit} locks, writes and opens incidents. */
    public ContainerAssessment advance(List<Judgement> judgements, boolean commit) {
        ContainerRisk[] risks = new ContainerRisk[judgements.size()];
        Set<String> digests = new HashSet<>();
        for (Judgement j : judgements) {
            if (judged(j)) {
                digests.add(j.transition().digest());
            }
        }
        Map<String, ContainerDetector> active = digests.isEmpty() ? Map.of() : detectors.forDigests(digests);
        Map<String, List<Integer>> byContainer = new TreeMap<>();
        for (int i = 0; i < judgements.size(); i++) {
            Judgement j = judgements.get(i);
            if (judged(j) && active.containsKey(j.transition().digest())) {
                byContainer.computeIfAbsent(j.transition().containerId(), c -> new ArrayList<>()).add(i);
            }
        }
        if (byContainer.isEmpty()) {
            return new ContainerAssessment(Arrays.asList(risks), List.of());
        }
        Map<String, StoredEvidence> stored = commit ? evidence.lock(byContainer.keySet()) : evidence.find(byContainer.keySet());
        Instant now = clock.instant();
        List<StoredEvidence> updated = new ArrayList<>(byContainer.size());
        List<IncidentRaised> raised = new ArrayList<>();
        List<IncidentGrowth> growths = new ArrayList<>();
        byContainer.forEach((container, indexes) -> {
            ObservedTransition first = judgements.get(indexes.getFirst()).transition();
            ContainerDetector detector = active.get(first.digest());
            StoredEvidence held = stored.get(container);
            Episode episode = held == null || held.row().detectorId() != detector.id() ? Episode.fresh(detector)
                    : Episode.of(held.row(), detector, held.incident());
            for (int index : indexes) {
                risks[index] = step(episode, judgements.get(index), commit, now);
            }
            if (commit) {
                IncidentStanding opened = episode.openedIncident();
                if (opened != null) {
                    metrics.opened(opened.severity(), opened.openedBy(), opened.dryRun());
                }
                IncidentGrowth growth = episode.growth();
                if (growth != null) {
                    growths.add(growth);
                }
                IncidentRaised.Change change = episode.change();
                if (change != null) {
                    raised.add(raised(episode, change, first));
                }
                updated.add(new StoredEvidence(new EvidenceRow(container, first.digest(), detector.id(), episode.events,
                        episode.novel[EventSequences.SEQUENCE], episode.novel[EventSequences.LOCAL],
                        episode.novel[EventSequences.ACTION],
                        episode.evidence, episode.peak, episode.mixPeak, episode.violation, episode.anomalous,
                        episode.modelPeak, episode.rarityLevels[0], episode.rarityLevels[1], episode.rarityPeak, episode.anomalousSeen(), episode.pairCounts(),
                        episode.incidentId(), 0), episode.standing()));
            }
        });
        if (commit) {
            evidence.save(updated, growths, now);
        }
        return new ContainerAssessment(Arrays.asList(risks), raised);
    }

    private static IncidentRaised raised(Episode episode, IncidentRaised.Change change, ObservedTransition first) {
        IncidentStanding incident = episode.incident;
        ContainerRef container = first.event().container();
        IncidentReason latest = episode.latest();
        return new IncidentRaised(incident.id(), change, episode.severity(), episode.severityBefore(), incident.digest(),
                container.image(), incident.containerId(), incident.node(), container.namespace(), container.pod(),
                container.cluster(), episode.risk(), episode.events, episode.novelSequences(), episode.violation,
                incident.openedBy(),
                latest == null ? null : latest.token(), latest == null ? null : latest.sequence(), incident.openedAt(),
                episode.lastEventAt);
    }

    private ContainerRisk step(Episode episode, Judgement j, boolean commit, Instant now) {
        ObservedTransition t = j.transition();
        ContainerDetector detector = episode.detector;
        EventSequences fingerprints = sequences.sequences(t);
        boolean violation = j.verdict() == Verdict.VIOLATION;
        boolean[] novelAt = new boolean[EventSequences.LENGTHS];
        boolean novel = false;
        for (int length = 0; length < novelAt.length; length++) {
            novelAt[length] = !detector.knows(fingerprints.at(length));
            novel |= novelAt[length];
        }
        if (violation) {
            // A token outside the profile is new at every length: the process never did it.
            Arrays.fill(novelAt, true);
            novel = true;
        }
        episode.events++;
        episode.rarity(detector.rarity().event(fingerprints.sequence(), fingerprints.local()));
        episode.pair(LearningSequences.pair(t), properties.maxPairs());
        if (j.verdict() == Verdict.ANOMALOUS) {
            episode.anomalous(fingerprints.at(EventSequences.SEQUENCE), properties.modelAnomalyRate());
        }
        episode.violation |= violation;
        if (novel) {
            episode.novel(novelAt);
            int shortest = shortestNovel(novelAt);
            double evidenceThen = episode.evidence;
            episode.reason(() -> {
                List<String> learnable = new ArrayList<>(EventSequences.LENGTHS);
                for (int length = 0; length < novelAt.length; length++) {
                    if (novelAt[length]) {
                        learnable.add(Long.toHexString(fingerprints.at(length)));
                    }
                }
                return new IncidentReason(t.event().time(), t.tokens().token().text(), j.verdict(), j.score(),
                        sequence(t, shortest), Long.toHexString(fingerprints.at(shortest)), learnable, evidenceThen);
            });
        }
        episode.lastEventAt = t.event().time();
        if (episode.firstEventAt == null) {
            episode.firstEventAt = t.event().time();
        }
        if (commit && episode.incident == null && episode.crossed()) {
            episode.open(incidents, j, now, now.isBefore(detector.readyAt().plus(properties.dryRun())));
        }
        episode.reassess();
        return new ContainerRisk(t.containerId(), novel, novel ? novelAs(novelAt) : List.of(), episode.events, episode.novelSequences(), episode.peak,
                detector.threshold(), episode.mixPeak, detector.mixThreshold(), episode.rarityPeak, detector.rarityThreshold(),
                episode.modelPeak, detector.modelThreshold(), episode.risk(), episode.ref());
    }

    private static List<ContainerRisk.NoveltyLength> novelAs(boolean[] novelAt) {
        List<ContainerRisk.NoveltyLength> lengths = new ArrayList<>(EventSequences.LENGTHS);
        for (int length = 0; length < novelAt.length; length++) {
            if (novelAt[length]) {
                lengths.add(ContainerRisk.NoveltyLength.values()[length]);
            }
        }
        return List.copyOf(lengths);
    }

    /** The most telling of the lengths an event was novel at: a process's new action, then its own sequence. */
    private static int shortestNovel(boolean[] novelAt) {
        if (novelAt[EventSequences.ACTION]) {
            return EventSequences.ACTION;
        }
        return novelAt[EventSequences.LOCAL] ? EventSequences.LOCAL : EventSequences.SEQUENCE;
    }

    /** The novel sequence as people read it: the acting process, then its tokens, oldest first. */
    private String sequence(ObservedTransition t, int length) {
        if (length == EventSequences.ACTION) {
            return t.actor().process() + ": " + t.tokens().token().text();
        }
        if (length == EventSequences.LOCAL) {
            List<String> own = new ArrayList<>(t.actor().recentTokens());
            own.add(t.tokens().token().text());
            return t.actor().process() + " (own): " + String.join(" → ", own);
        }
        List<String> recent = t.before().recentTokens();
        List<String> parts = new ArrayList<>(recent.subList(Math.max(0, recent.size() - (properties.sequenceLength() - 1)),
                recent.size()));
        parts.add(t.tokens().token().text());
        return t.actor().process() + ": " + String.join(" → ", parts);
    }

    private static boolean judged(Judgement j) {
        return j.verdict() == Verdict.NORMAL || j.verdict() == Verdict.ANOMALOUS || j.verdict() == Verdict.VIOLATION;
    }
}
