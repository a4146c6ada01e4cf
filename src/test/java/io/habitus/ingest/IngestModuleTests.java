package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.image.Images;
import io.habitus.ingest.internal.EventHistory;
import io.habitus.ingest.persistence.StoredEvent;
import io.habitus.shared.FieldError;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest bootstrapped with the module it depends on (the image catalogue) against PostgreSQL:
 * validation outside the transaction, storing and claiming the batch id inside it, as the pipeline
 * calls them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
class IngestModuleTests extends ModuleIntegrationTest {

    private static final AgentInfo AGENT = new AgentInfo("node-a", "1.4.2", 1L, 0L);

    @Autowired
    EventIngestion ingestion;

    @Autowired
    EventHistory history;

    @Autowired
    Images images;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Test
    void validEventsAreStoredTheirImageRegisteredAndInvalidOnesNamedByIndex() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        Map<String, Object> noFile = Events.exec(digest, container, "node-a", "/usr/sbin/nginx");
        noFile.put("type", "file.read");
        IncomingBatch batch = batch(Events.newId("b"), Events.exec(digest, container, "node-a", "/usr/sbin/nginx"), noFile,
                Events.connect(digest, container, "node-a", 5432));

        IngestReceipt receipt = store(batch);

        assertThat(receipt.outcome()).isEqualTo(IngestReceipt.Outcome.STORED);
        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(receipt.errors()).singleElement().extracting(FieldError::index, FieldError::field)
                .containsExactly(1, "file");
        assertThat(images.known(List.of(digest), false)).containsExactly(digest);
        assertThat(history.of(container, Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), 10))
                .extracting(StoredEvent::type).containsExactlyInAnyOrder("process.exec", "network.connect");
    }

    @Test
    void aRetriedBatchIdIsAcknowledgedAsDuplicateAndStoredOnce() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        IncomingBatch batch = batch(Events.newId("b"), Events.exec(digest, container, "node-a", "/usr/sbin/nginx"));
        store(batch);

        IngestReceipt retry = store(batch);

        assertThat(retry.outcome()).isEqualTo(IngestReceipt.Outcome.DUPLICATE);
        assertThat(retry.duplicate()).isEqualTo(1);
        assertThat(ingestion.earlierDelivery(batch.batchId())).hasValueSatisfying(
                earlier -> assertThat(earlier.outcome()).isEqualTo(IngestReceipt.Outcome.DUPLICATE));
        assertThat(history.of(container, Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), 10)).hasSize(1);
    }

    @Test
    void aKnownContainerNamingAnotherImageIsRefusedAndABatchWithNothingValidStoresNothing() {
        String container = Events.newId("c");
        store(batch(Events.newId("b"), Events.exec(Events.newDigest(), container, "node-a", "/usr/sbin/nginx")));

        IncomingBatch foreign = batch(Events.newId("b"), Events.exec(Events.newDigest(), container, "node-a", "/bin/sh"));

        assertThatThrownBy(() -> ingestion.prepare(foreign)).isInstanceOf(NoValidEventsException.class);
        assertThatThrownBy(() -> ingestion.validateAll(foreign.events(), false)).isInstanceOf(InvalidEventsException.class);
    }

    private IngestReceipt store(IncomingBatch batch) {
        PreparedBatch prepared = ingestion.prepare(batch);
        return transaction.execute(status -> ingestion.storeAll(List.of(prepared)).getFirst());
    }

    @SafeVarargs
    private IncomingBatch batch(String batchId, Map<String, Object>... events) {
        List<JsonNode> nodes = java.util.Arrays.stream(events).map(e -> (JsonNode) json.valueToTree(e)).toList();
        return new IncomingBatch(batchId, AGENT, nodes);
    }
}
