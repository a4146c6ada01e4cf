package io.habitus.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import io.habitus.behavior.ContainerStates;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.image.Images;
import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.PreparedBatch;
import io.habitus.profile.internal.NewRule;
import io.habitus.profile.internal.ProfileDiff;
import io.habitus.profile.internal.ProfileEdit;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ImageDigest;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning and profiles bootstrapped with the modules they depend on (behavior, image, security, and
 * ingest) against PostgreSQL: events observed in a learning window become profile version 1 when
 * learning ends, and an edit makes the next version, judged as the pipeline would judge with it.
 */
// Profile uses ingest's records but none of its beans, so Modulith does not bootstrap it: included
// here to store the observed events as the pipeline does.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"shared", "ingest"})
class ProfileModuleTests extends ModuleIntegrationTest {

    @Autowired
    EventIngestion ingestion;

    @Autowired
    ContainerStates states;

    @Autowired
    ObservationRecorder observations;

    @Autowired
    Learning learning;

    @MockitoSpyBean
    Profiles profiles;

    @Autowired
    LearningStore learningStore;

    @Autowired
    ActiveProfiles activeProfiles;

    @Autowired
    Images images;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JsonMapper json;

    @Test
    void endingLearningBuildsVersionOneFromWhatTheWindowObservedAndActivatesIt() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        observe(digest, Events.exec(digest, container, "node-a", "/usr/sbin/nginx"),
                Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf"),
                Events.connect(digest, container, "node-a", 5432));
        assertThat(learning.progress(new ImageDigest(digest))).satisfies(progress -> {
            assertThat(progress.learning()).isTrue();
            assertThat(progress.events()).isEqualTo(3);
            assertThat(progress.tokens()).isEqualTo(3);
        });

        learning.finishNow(new ImageDigest(digest), "alice");

        Profile v1 = profiles.get(new ImageDigest(digest), 1);
        assertThat(v1.version().active()).isTrue();
        assertThat(v1.entries()).extracting(ProfileEntry::kind, ProfileEntry::pattern)
                .contains(org.assertj.core.groups.Tuple.tuple(TokenKind.FILE_READ, "/etc/nginx/nginx.conf"));
        assertThat(images.find(new ImageDigest(digest)).summary().activeProfileVersion()).isEqualTo(1);
        ActiveProfile active = activeProfiles.forDigests(List.of(digest)).get(digest);
        assertThat(active.check(new Token(TokenKind.FILE_READ, "/etc/nginx/nginx.conf"))).isEmpty();
        assertThat(active.check(new Token(TokenKind.FILE_READ, "/etc/shadow"))).isPresent();
    }

    @Test
    void anEditMakesTheNextActiveVersionAndAStaleEtagIsRefused() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        observe(digest, Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf"));
        learning.finishNow(new ImageDigest(digest), "alice");
        ImageDigest image = new ImageDigest(digest);
        String etag = profiles.get(image, 1).version().etag();
        ProfileEdit edit = new ProfileEdit(List.of(new NewRule(TokenKind.FILE_READ, "/etc/nginx/conf.d/default.conf",
                "the default site")), List.of(), "allow the default site");

        Profile v2 = profiles.edit(image, 1, etag, edit, "alice");

        assertThat(v2.version().version()).isEqualTo(2);
        assertThat(v2.version().active()).isTrue();
        ProfileDiff diff = profiles.diff(image, 1, 2);
        assertThat(diff.added()).extracting(ProfileEntry::pattern).containsExactly("/etc/nginx/conf.d/default.conf");
        assertThat(diff.removed()).isEmpty();
        assertThat(activeProfiles.forDigests(List.of(digest)).get(digest)
                .check(new Token(TokenKind.FILE_READ, "/etc/nginx/conf.d/default.conf"))).isEmpty();
        assertThatThrownBy(() -> profiles.edit(image, 1, etag, edit, "bob")).isInstanceOf(HabitusProblem.class)
                .extracting(e -> ((HabitusProblem) e).getStatusCode().value()).isEqualTo(412);
    }

    /** What the pipeline does with a batch before judging: store, advance the states, observe. */
    @Test
    void aWindowWhoseFinishFailsHoldsUpNoOtherWindow() {
        // Windows are visited in digest order: the failing one comes first.
        String failing = "sha256:" + "0".repeat(8) + Events.newDigest().substring(15);
        String other = Events.newDigest();
        for (String digest : List.of(failing, other)) {
            observe(digest, Events.exec(digest, Events.newId("c"), "node-a", "/usr/sbin/nginx"));
            learningStore.requestFinish(digest);
        }
        doThrow(new IllegalStateException("profile build failed")).when(profiles)
                .learnedEntries(argThat(window -> window.digest().equals(failing)));

        learning.finishCompleteWindows();

        assertThat(learning.progress(new ImageDigest(other)).learning()).as("the other window finished").isFalse();
        assertThat(learning.progress(new ImageDigest(failing)).learning()).as("the failing one stays open").isTrue();
        Mockito.reset(profiles);
        learning.finishCompleteWindows();
        assertThat(learning.progress(new ImageDigest(failing)).learning()).as("and finishes once it can").isFalse();
    }

    @SafeVarargs
    private void observe(String digest, Map<String, Object>... events) {
        List<JsonNode> nodes = java.util.Arrays.stream(events).map(e -> (JsonNode) json.valueToTree(e)).toList();
        PreparedBatch prepared = ingestion.prepare(new IncomingBatch(Events.newId("b"),
                new AgentInfo("node-a", "1.4.2", null, null), nodes));
        transaction.executeWithoutResult(status -> {
            ingestion.storeAll(List.of(prepared)).getFirst();
            observations.record(states.advance(new java.util.ArrayList<>(prepared.events())), false);
        });
    }
}
