package io.habitus.incident;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.behavior.ContainerStates;
import io.habitus.behavior.ObservedTransition;
import io.habitus.incident.internal.DetectorView;
import io.habitus.incident.internal.IncidentFilter;
import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.PreparedBatch;
import io.habitus.model.TrainingSamples;
import io.habitus.profile.Learning;
import io.habitus.profile.LearningTransitions;
import io.habitus.profile.ObservationRecorder;
import io.habitus.scoring.Judgement;
import io.habitus.scoring.TransitionJudge;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents bootstrapped with the steps that feed them (everything but the pipeline, audit and
 * sensor) against PostgreSQL: the end of learning builds the image's container
 * detector, calibrated on containers held out of the window, and the detector weighs each judged
 * container's evidence.
 */
// Incident judges what every earlier step produced, so the test includes those steps (ingest and
// image store, behavior advances states, profile and model learn, scoring judges): all but the
// pipeline that calls them, audit and sensor. Modulith alone would bootstrap only the modules whose
// beans incident itself uses.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"shared", "ingest", "image", "behavior", "profile", "model", "scoring"})
@TestPropertySource(properties = {"habitus.model.poll-interval=250ms", "habitus.incident.poll-interval=250ms"})
class IncidentModuleTests extends ModuleIntegrationTest {

    @Autowired
    Incidents incidents;

    @Autowired
    LearningSequences sequences;

    @Autowired
    EventIngestion ingestion;

    @Autowired
    ContainerStates states;

    @Autowired
    ObservationRecorder observations;

    @Autowired
    TrainingSamples samples;

    @Autowired
    TransitionJudge judge;

    @Autowired
    Learning learning;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    io.habitus.incident.persistence.DetectorStore detectorStore;

    @Test
    void aDetectorKeepsItsNoveltyDispersionsAndOneBuiltBeforeThemReadsAsBinomial() {
        String digest = Events.newDigest();
        // Queued and made ready in one transaction: the background builder, polling beside the test, never sees it pending.
        long id = transaction.execute(status -> {
            detectorStore.enqueue(digest, 1, 1, Instant.now());
            long pending = jdbc.queryForObject("select id from incident_detector where digest = ?", Long.class, digest);
            assertThat(detectorStore.find(pending).orElseThrow().noveltyDispersions()).as("pending: none yet").isNull();
            detectorStore.ready(pending, new byte[0], new double[] {0.001, 0.0002, 0.00001}, new double[] {0.21, 0.066, 0},
                    new double[] {2.78, 2.02, 0.3}, new byte[0], 8.2, new byte[0], 12.3, 11.0, false, false, "{}", Instant.now());
            return pending;
        });

        assertThat(detectorStore.find(id).orElseThrow().noveltyDispersions()).containsExactly(0.21, 0.066, 0.0);
        jdbc.update("update incident_detector set novelty_dispersions = null where id = ?", id);
        assertThat(detectorStore.find(id).orElseThrow().noveltyDispersions()).as("built before they were measured").isNull();
    }

    @Test
    void aWindowWhoseBuildFailsIsMarkedFailedAndHoldsUpNoWindowQueuedAfterIt() throws InterruptedException {
        // No image behind these digests: the build's profile lookup throws through a transactional call, which
        // marks the build's transaction rollback-only. The failure must still be recorded, in a transaction of its own.
        String first = Events.newDigest();
        String second = Events.newDigest();
        detectorStore.enqueue(first, 1, 1, Instant.now());
        detectorStore.enqueue(second, 1, 1, Instant.now());

        for (String digest : List.of(first, second)) {
            String status = "PENDING";
            for (int wait = 0; wait < 100 && status.equals("PENDING"); wait++) {
                Thread.sleep(100);
                status = jdbc.queryForObject("select status from incident_detector where digest = ?", String.class, digest);
            }
            assertThat(status).as("the detector of " + digest).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("select error from incident_detector where digest = ?", String.class, digest))
                    .contains("No image with digest");
        }
    }

    @Test
    void theEndOfLearningBuildsADetectorThatKeepsTheUsualQuietAndWeighsTheNovel() throws InterruptedException {
        String digest = Events.newDigest();
        DetectorView detector = learnedNginx(digest);
        assertThat(detector.window()).isEqualTo(1);
        assertThat(detector.learnedSequences()).isPositive();
        assertThat(detector.statistics()).containsEntry("heldOutContainers", 8);

        String quiet = Events.newId("web");
        List<ContainerRisk> usual = process(NginxTraffic.rounds(digest, quiet, Instant.now().minusSeconds(500), 12));
        assertThat(usual).allSatisfy(risk -> {
            assertThat(risk.containerId()).isEqualTo(quiet);
            assertThat(risk.novel()).isFalse();
            assertThat(risk.incident()).isNull();
        });

        String odd = Events.newId("web");
        Instant t = Instant.now().minusSeconds(300);
        List<Map<String, Object>> oddities = new ArrayList<>(NginxTraffic.rounds(digest, odd, t, 2));
        oddities.add(NginxTraffic.exec(digest, odd, "/usr/bin/curl", NGINX, 90, t.plusSeconds(50)));
        List<ContainerRisk> risks = process(oddities);
        ContainerRisk last = risks.getLast();
        assertThat(last.novel()).isTrue();
        assertThat(last.evidence()).isPositive();
        assertThat(incidents.list(new IncidentFilter(digest, quiet, null, null, null, null, null), null, 10).incidents()).isEmpty();
    }

    @Test
    void anIncidentGrowingOverManyBatchesKeepsReasonsUpToTheLimit() throws InterruptedException {
        String digest = Events.newDigest();
        learnedNginx(digest);

        String odd = Events.newId("web");
        Instant t = Instant.now().minusSeconds(300);
        for (int batch = 0; batch < 4; batch++) {
            List<Map<String, Object>> execs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                execs.add(NginxTraffic.exec(digest, odd, "/tmp/dropped-" + batch + "-" + i, NGINX, 90 + i, t.plusSeconds(batch * 20L + i)));
            }
            process(execs);
        }

        var found = incidents.list(new IncidentFilter(digest, odd, null, null, null, null, null), null, 10).incidents();
        assertThat(found).hasSize(1);
        var incident = incidents.find(found.getFirst().id());
        assertThat(incident.events()).isEqualTo(80);
        assertThat(incident.reasons()).hasSize(Incidents.MAX_REASONS);
        assertThat(incident.reasons()).allSatisfy(r -> assertThat(r.token()).contains("/tmp/dropped-"));
        assertThat(jdbc.queryForObject("select reason_count = jsonb_array_length(reasons) from incident where id = ?",
                Boolean.class, incident.id())).isTrue();
    }

    @Test
    void anUnknownIncidentIsNotFoundAndAnImageWithoutLearningHasNoDetector() {
        assertThatThrownBy(() -> incidents.find(999_999_999L)).isInstanceOf(NotFoundException.class);
        assertThat(incidents.detectors(new ImageDigest(Events.newDigest()))).isEmpty();
    }

    /** Eight nginx containers learned, learning finished, and the image's detector once it is ready. */
    private DetectorView learnedNginx(String digest) throws InterruptedException {
        Instant start = Instant.now().minusSeconds(20_000);
        for (int c = 0; c < 8; c++) {
            process(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 30));
        }
        learning.finishNow(new ImageDigest(digest), "alice");
        return awaitReadyDetector(new ImageDigest(digest));
    }

    private DetectorView awaitReadyDetector(ImageDigest digest) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            List<DetectorView> detectors = incidents.detectors(digest);
            if (!detectors.isEmpty() && "READY".equals(detectors.getFirst().status())) {
                return detectors.getFirst();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no ready detector for " + digest + ": " + incidents.detectors(digest));
    }

    /** The pipeline's steps for one batch; the risks of its judged events (none while learning). */
    private List<ContainerRisk> process(List<Map<String, Object>> events) {
        List<JsonNode> nodes = events.stream().map(e -> (JsonNode) json.valueToTree(e)).toList();
        PreparedBatch prepared = ingestion.prepare(new IncomingBatch(Events.newId("b"),
                new AgentInfo("node-a", "1.4.2", null, null), nodes));
        return transaction.execute(status -> {
            ingestion.storeAll(List.of(prepared)).getFirst();
            List<ObservedTransition> transitions = states.advance(new ArrayList<>(prepared.events()));
            List<LearningTransitions> learned = observations.record(transitions, false);
            samples.collect(learned);
            sequences.record(learned);
            List<Judgement> judgements = judge.judge(transitions, Set.of());
            return incidents.assess(judgements).risks().stream().filter(java.util.Objects::nonNull).toList();
        });
    }
}
