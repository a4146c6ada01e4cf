package io.habitus.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.habitus.audit.internal.Audit;
import io.habitus.audit.internal.AuditFilter;
import io.habitus.audit.internal.AuditPage;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.behavior.Actor;
import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.StateSnapshot;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenKind;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.ingest.ContainerRef;
import io.habitus.ingest.EventType;
import io.habitus.ingest.ProcessInfo;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.model.ModelJobs;
import io.habitus.model.Transition;
import io.habitus.profile.Profile;
import io.habitus.profile.ProfileVersion;
import io.habitus.profile.Profiles;
import io.habitus.profile.RuleBreach;
import io.habitus.profile.RuleRef;
import io.habitus.profile.internal.ProfileSource;
import io.habitus.scoring.Deviation;
import io.habitus.scoring.Judgement;
import io.habitus.scoring.VersionRef;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.Verdict;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits bootstrapped alone (with the shared kernel) against PostgreSQL: recording, deduplication,
 * filters and cursor pages through the facade, and what allowing asks of the profile and model
 * modules, whose facades are replaced here (their own module tests and the full flows cover them).
 */
@ApplicationModuleTest(extraIncludes = "shared")
class AuditModuleTests extends ModuleIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Autowired
    AuditRecorder recorder;

    @Autowired
    Audits audits;

    @Autowired
    TransactionTemplate transaction;

    @MockitoBean
    Profiles profiles;

    @MockitoBean
    ModelJobs modelJobs;

    @Test
    void deviationsOfOneContainerRuleAndWindowBecomeOneAuditCountingEachOccurrence() {
        String digest = Events.newDigest();
        record(violation(digest, "c1", "/bin/sh", T0), violation(digest, "c1", "/bin/sh", T0.plusSeconds(20)));
        record(violation(digest, "c1", "/bin/sh", T0.plusSeconds(40)));

        Audit audit = audits.list(filter(digest, null), null, 10).items().getFirst();
        assertThat(audits.list(filter(digest, null), null, 10).items()).hasSize(1);
        assertThat(audit.occurrences()).isEqualTo(3);
        assertThat(audit.ruleValue()).isEqualTo("/bin/sh <- /usr/sbin/nginx");
        assertThat(audit.profileVersion()).isEqualTo(2);
        assertThat(audit.transition()).isNotNull();
        assertThat(audit.transition().after().processes()).containsExactly("/bin/sh", "/usr/sbin/nginx");
    }

    @Test
    void theCursorPagesThroughAFilteredListNewestFirstWithoutRepeatsOrGaps() {
        String digest = Events.newDigest();
        for (int i = 0; i < 5; i++) {
            record(violation(digest, "c1", "/bin/tool" + i, T0));
        }
        record(anomaly(digest, "c2", T0));

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditPage page = audits.list(filter(digest, Verdict.VIOLATION), cursor, 2);
            page.items().forEach(a -> seen.add(a.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(audits.list(filter(digest, Verdict.ANOMALOUS), null, 10).items()).singleElement()
                .extracting(Audit::containerId).isEqualTo("c2");
        assertThatThrownBy(() -> audits.list(filter(digest, null), "not-a-cursor", 2)).isInstanceOf(HabitusProblem.class);
    }

    @Test
    void allowingAViolationAddsItsRuleToTheProfileFeedsTheModelAndResolvesTheAuditOnce() {
        String digest = Events.newDigest();
        record(violation(digest, "c1", "/bin/sh", T0));
        long id = audits.list(filter(digest, null), null, 1).items().getFirst().id();
        given(profiles.allow(any(), any(), anyString(), anyString())).willReturn(profileVersion(digest, 3));

        Audit allowed = audits.allow(id, "alice", "the health probe");

        assertThat(allowed.status()).isEqualTo(AuditStatus.ALLOWED);
        assertThat(allowed.allowedInVersion()).isEqualTo(3);
        assertThat(allowed.resolvedBy()).isEqualTo("alice");
        verify(profiles).allow(new ImageDigest(digest), new RuleRef(TokenKind.PROCESS, "/bin/sh <- /usr/sbin/nginx"),
                "alice", "the health probe");
        ArgumentCaptor<Transition> learned = ArgumentCaptor.forClass(Transition.class);
        verify(modelJobs).learnAllowed(eq(new ImageDigest(digest)), learned.capture(), eq(T0), anyLong(), eq("alice"));
        assertThat(learned.getValue().event()).isEqualTo("exec /bin/sh <- /usr/sbin/nginx");
        assertThat(learned.getValue().actor()).isNotNull();
        assertThatThrownBy(() -> audits.allow(id, "bob", null)).isInstanceOf(HabitusProblem.class)
                .hasMessageContaining("already allowed by alice");
    }

    @Test
    void allowingAnAnomalyTeachesTheModelButLeavesTheProfileAlone() {
        String digest = Events.newDigest();
        record(anomaly(digest, "c1", T0));
        long id = audits.list(filter(digest, null), null, 1).items().getFirst().id();

        Audit allowed = audits.allow(id, "alice", null);

        assertThat(allowed.status()).isEqualTo(AuditStatus.ALLOWED);
        assertThat(allowed.allowedInVersion()).isNull();
        verify(profiles, never()).allow(any(), any(), anyString(), anyString());
        verify(modelJobs).learnAllowed(eq(new ImageDigest(digest)), any(), eq(T0), anyLong(), eq("alice"));
    }

    private void record(Deviation... deviations) {
        transaction.executeWithoutResult(status -> recorder.record(List.of(deviations)));
    }

    private static AuditFilter filter(String digest, Verdict verdict) {
        return new AuditFilter(digest, null, verdict, null, null, null);
    }

    private static Deviation violation(String digest, String container, String exe, Instant at) {
        ObservedTransition t = transition(digest, container, exe, at);
        RuleBreach breach = new RuleBreach(TokenKind.PROCESS, exe + " <- /usr/sbin/nginx",
                "binary " + exe + " (started by /usr/sbin/nginx) is not in the profile");
        return Deviation.of(new Judgement(t, Verdict.VIOLATION, null, null, null, breach, new VersionRef(2, "5c0d"), null,
                breach::reason));
    }

    private static Deviation anomaly(String digest, String container, Instant at) {
        ObservedTransition t = transition(digest, container, "/usr/bin/curl", at);
        return Deviation.of(new Judgement(t, Verdict.ANOMALOUS, -0.8, -0.2, false, null, new VersionRef(2, "5c0d"),
                new VersionRef(1, "9ab1"), () -> "unusual transition"));
    }

    private static ObservedTransition transition(String digest, String container, String exe, Instant at) {
        RuntimeEvent event = new RuntimeEvent(at, EventType.PROCESS_EXEC,
                new ContainerRef(container, "nginx:1.27", digest, "node-a", "web", "nginx-7d9f", "prod-eu"),
                new ProcessInfo(42L, 1L, exe, List.of(exe), 0L, "/usr/sbin/nginx"), null, null, null);
        Token token = new Token(TokenKind.PROCESS, exe + " <- /usr/sbin/nginx");
        return new ObservedTransition(event, new TokenizedEvent(token, token),
                StateSnapshot.of(List.of("/usr/sbin/nginx"), List.of("accept tcp/80")),
                StateSnapshot.of(List.of("/bin/sh", "/usr/sbin/nginx"), List.of("accept tcp/80", token.text())),
                new Actor(exe + " <- /usr/sbin/nginx", List.of()));
    }

    private static Profile profileVersion(String digest, int version) {
        return new Profile(new ProfileVersion(new ImageDigest(digest), version, "77aa", ProfileSource.ALLOWED, 2, null, false, null, T0,
                "alice", true, 1), List.of());
    }
}
