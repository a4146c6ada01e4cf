package io.habitus.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.ContainerStates;
import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.TransitionPreview;
import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.PreparedBatch;
import io.habitus.profile.Learning;
import io.habitus.profile.ObservationRecorder;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.Verdict;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judge bootstrapped with the modules it depends on (profile, model and theirs, and ingest to
 * store what an image learns from) against PostgreSQL: an image's events are judged by what it
 * learned, or not at all while it learns or is unknown.
 */
// Scoring uses ingest's records but none of its beans, so Modulith does not bootstrap it: included
// here to store the learning window's events as the pipeline does.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"shared", "ingest"})
class ScoringModuleTests extends ModuleIntegrationTest {

    @Autowired
    TransitionJudge judge;

    @Autowired
    EventIngestion ingestion;

    @Autowired
    ContainerStates states;

    @Autowired
    TransitionPreview preview;

    @Autowired
    ObservationRecorder observations;

    @Autowired
    Learning learning;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Test
    void anImageWithAnActiveProfileHasItsEventsJudgedAgainstItAndTheBrokenRuleNamed() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        observe(Events.exec(digest, container, "node-a", "/usr/sbin/nginx"),
                Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf"));
        learning.finishNow(new ImageDigest(digest), "alice");

        List<Judgement> judged = judge.judge(previewOf(Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf"),
                Events.fileRead(digest, container, "node-a", "/etc/shadow")), Set.of());

        assertThat(judged.get(0).verdict()).isEqualTo(Verdict.NORMAL);
        assertThat(judged.get(0).profile()).isNotNull().extracting(VersionRef::version).isEqualTo(1);
        assertThat(judged.get(0).explanation()).contains("allowed by profile version 1");
        Judgement shadow = judged.get(1);
        assertThat(shadow.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(shadow.isDeviation()).isTrue();
        assertThat(shadow.breach()).isNotNull();
        assertThat(shadow.breach().value()).isEqualTo("/etc/shadow");
        assertThat(Deviation.of(shadow).profileVersion()).isEqualTo(1);
    }

    @Test
    void aLearningImageIsNotJudgedAndAnUnknownOneIsSaidToBeUnknown() {
        String learningDigest = Events.newDigest();
        String container = Events.newId("c");
        observe(Events.exec(learningDigest, container, "node-a", "/usr/sbin/nginx"));
        String unknownDigest = Events.newDigest();

        List<Judgement> judged = judge.judge(previewOf(Events.fileRead(learningDigest, container, "node-a", "/etc/shadow"),
                Events.fileRead(unknownDigest, Events.newId("c"), "node-a", "/etc/shadow")), Set.of(unknownDigest));

        assertThat(judged).extracting(Judgement::verdict).containsExactly(Verdict.LEARNING, Verdict.UNKNOWN_IMAGE);
        assertThat(judged).allSatisfy(j -> {
            assertThat(j.isDeviation()).isFalse();
            assertThat(j.profile()).isNull();
            assertThat(j.breach()).isNull();
        });
    }

    @SafeVarargs
    private List<ObservedTransition> previewOf(Map<String, Object>... events) {
        return preview.fromTrackedStates(new ArrayList<>(ingestion.validateAll(nodes(events), false)));
    }

    /** What the pipeline does with a batch of a learning image: store, advance the states, observe. */
    @SafeVarargs
    private void observe(Map<String, Object>... events) {
        PreparedBatch prepared = ingestion.prepare(new IncomingBatch(Events.newId("b"),
                new AgentInfo("node-a", "1.4.2", null, null), nodes(events)));
        transaction.executeWithoutResult(status -> {
            ingestion.storeAll(List.of(prepared)).getFirst();
            observations.record(states.advance(new ArrayList<>(prepared.events())), false);
        });
    }

    private List<JsonNode> nodes(Map<String, Object>[] events) {
        return Arrays.stream(events).map(e -> (JsonNode) json.valueToTree(e)).toList();
    }
}
