package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.behavior.ContainerStates;
import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.PreparedBatch;
import io.habitus.model.internal.ModelVersion;
import io.habitus.profile.Learning;
import io.habitus.profile.ObservationRecorder;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transition model bootstrapped with the modules it depends on (profile and theirs, and ingest
 * to store what an image learns from) against PostgreSQL: the end of learning queues a training
 * job, the background worker trains, stores and activates a model, and the judge's registry loads it.
 */
// Model uses ingest's records but none of its beans, so Modulith does not bootstrap it: included
// here to store the learning window's events as the pipeline does.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"shared", "ingest"})
@TestPropertySource(properties = "habitus.model.poll-interval=250ms")
class ModelModuleTests extends ModuleIntegrationTest {

    @Autowired
    ModelJobs jobs;

    @Autowired
    Models models;

    @Autowired
    ActiveModels activeModels;

    @Autowired
    TrainingSamples samples;

    @Autowired
    EventIngestion ingestion;

    @Autowired
    ContainerStates states;

    @Autowired
    ObservationRecorder observations;

    @Autowired
    Learning learning;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Test
    void theEndOfLearningTrainsStoresAndActivatesAModelInTheBackground() throws InterruptedException {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(5000);
        for (int c = 0; c < 3; c++) {
            observe(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 60));
        }
        ImageDigest image = new ImageDigest(digest);
        assertThat(samples.of(digest, 1)).isNotEmpty();

        learning.finishNow(image, "alice");

        ModelVersion trained = awaitActiveModel(image, Duration.ofSeconds(60));
        assertThat(trained.version()).isEqualTo(1);
        assertThat(trained.profileVersion()).isEqualTo(1);
        assertThat(trained.sampleDistinct()).isPositive();
        assertThat(jobs.recent(image)).first().extracting(TrainingJob::status).isEqualTo("SUCCEEDED");
        ActiveModels.Active active = activeModels.forDigests(List.of(digest)).get(digest);
        assertThat(active).isNotNull();
        assertThat(active.version()).isEqualTo(1);
        assertThat(active.model().checksum()).isEqualTo(trained.sha256());
    }

    @Test
    void anImageWithoutModelsHasNoneToReadOrActivate() {
        ImageDigest unknown = new ImageDigest(Events.newDigest());
        assertThatThrownBy(() -> models.get(unknown, 1)).isInstanceOf(NotFoundException.class);
        assertThat(activeModels.forDigests(List.of(unknown.value()))).isEmpty();
    }

    private ModelVersion awaitActiveModel(ImageDigest image, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            List<ModelVersion> versions = models.list(image);
            if (versions.stream().anyMatch(ModelVersion::active)) {
                return versions.stream().filter(ModelVersion::active).findFirst().orElseThrow();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no active model for " + image + "; jobs: " + jobs.recent(image));
    }

    /** What the pipeline does with a batch of a learning image: store, advance the states, observe, sample. */
    private void observe(List<Map<String, Object>> events) {
        List<JsonNode> nodes = events.stream().map(e -> (JsonNode) json.valueToTree(e)).toList();
        PreparedBatch prepared = ingestion.prepare(new IncomingBatch(Events.newId("b"),
                new AgentInfo("node-a", "1.4.2", null, null), nodes));
        transaction.executeWithoutResult(status -> {
            ingestion.storeAll(List.of(prepared)).getFirst();
            samples.collect(observations.record(states.advance(new ArrayList<>(prepared.events())), false));
        });
    }
}
