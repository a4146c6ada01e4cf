package io.habitus.audit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.audit.internal.Audit;
import io.habitus.audit.internal.AuditFilter;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.shared.Verdict;
import io.habitus.support.Events;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit table's SQL on the real schema: deduplication, filters, the id cursor and allowing. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import(AuditStore.class)
class AuditStoreTests {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String TRANSITION = """
            {"before": {"processes": ["/usr/sbin/nginx"], "recentTokens": ["accept tcp/80"]},
             "event": "exec /bin/sh <- /usr/sbin/nginx",
             "after": {"processes": ["/bin/sh", "/usr/sbin/nginx"], "recentTokens": ["accept tcp/80", "exec /bin/sh <- /usr/sbin/nginx"]},
             "actor": {"process": "/bin/sh <- /usr/sbin/nginx", "recentTokens": []}}""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    AuditStore store;

    @Test
    void aRepeatInTheSameDedupBucketCountsOnTheExistingAuditAndWidensItsTimes() {
        String digest = Events.newDigest();
        store.record(List.of(row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0, 7)));
        store.record(List.of(row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0.plusSeconds(30), 7),
                row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0.minusSeconds(5), 7)));

        List<Audit> audits = store.find(filter(digest, null, null), null, 10);
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.occurrences()).isEqualTo(3);
            assertThat(audit.firstSeen()).isEqualTo(T0.minusSeconds(5));
            assertThat(audit.lastSeen()).isEqualTo(T0.plusSeconds(30));
            assertThat(audit.status()).isEqualTo(AuditStatus.OPEN);
            assertThat(audit.event().get("type").stringValue()).isEqualTo("process.exec");
            assertThat(audit.transition()).isNotNull();
            assertThat(audit.transition().before().processes()).containsExactly("/usr/sbin/nginx");
            assertThat(audit.transition().actor().process()).isEqualTo("/bin/sh <- /usr/sbin/nginx");
        });
    }

    @Test
    void anotherBucketContainerOrRuleIsAnotherAudit() {
        String digest = Events.newDigest();
        store.record(List.of(
                row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0, 7),
                row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0, 8),
                row(digest, "c2", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0, 7),
                row(digest, "c1", Verdict.VIOLATION, "/bin/bash <- /usr/sbin/nginx", T0, 7)));

        assertThat(store.find(filter(digest, null, null), null, 10)).hasSize(4);
    }

    @Test
    void filtersNarrowByContainerVerdictStatusAndTimeAndTheCursorPagesNewestFirst() {
        String digest = Events.newDigest();
        for (int i = 0; i < 5; i++) {
            store.record(List.of(row(digest, "c1", Verdict.VIOLATION, "/bin/tool" + i + " <- /usr/sbin/nginx",
                    T0.plusSeconds(i), i)));
        }
        store.record(List.of(row(digest, "c2", Verdict.ANOMALOUS, "read /etc/shadow", T0, 0)));

        List<Audit> c1 = store.find(filter(digest, "c1", Verdict.VIOLATION), null, 10);
        assertThat(c1).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b.id(), a.id()));
        assertThat(store.find(filter(digest, "c2", null), null, 10)).singleElement()
                .extracting(Audit::verdict).isEqualTo(Verdict.ANOMALOUS);

        List<Audit> first = store.find(filter(digest, "c1", null), null, 2);
        List<Audit> second = store.find(filter(digest, "c1", null), first.getLast().id(), 2);
        List<Audit> third = store.find(filter(digest, "c1", null), second.getLast().id(), 2);
        assertThat(first).extracting(Audit::id).containsExactly(c1.get(0).id(), c1.get(1).id());
        assertThat(second).extracting(Audit::id).containsExactly(c1.get(2).id(), c1.get(3).id());
        assertThat(third).extracting(Audit::id).containsExactly(c1.get(4).id());

        AuditFilter window = new AuditFilter(digest, null, null, null, T0.plusSeconds(1), T0.plusSeconds(3));
        assertThat(store.find(window, null, 10)).extracting(Audit::ruleValue)
                .containsExactlyInAnyOrder("/bin/tool1 <- /usr/sbin/nginx", "/bin/tool2 <- /usr/sbin/nginx");
    }

    @Test
    void anAllowedAuditRecordsWhoWhyAndTheProfileVersionAndLeavesTheOpenFilter() {
        String digest = Events.newDigest();
        store.record(List.of(row(digest, "c1", Verdict.VIOLATION, "/bin/sh <- /usr/sbin/nginx", T0, 7)));
        long id = store.find(filter(digest, null, null), null, 1).getFirst().id();

        store.allowed(id, "alice", T0.plusSeconds(60), "the health probe", 4);

        Audit allowed = store.find(id).orElseThrow();
        assertThat(allowed).extracting(Audit::status, Audit::resolvedBy, Audit::resolvedAt, Audit::resolutionReason,
                Audit::allowedInVersion).containsExactly(AuditStatus.ALLOWED, "alice", T0.plusSeconds(60), "the health probe", 4);
        assertThat(store.find(new AuditFilter(digest, null, null, AuditStatus.OPEN, null, null), null, 10)).isEmpty();
        assertThat(store.find(new AuditFilter(digest, null, null, AuditStatus.ALLOWED, null, null), null, 10)).hasSize(1);
    }

    private static AuditFilter filter(String digest, String container, Verdict verdict) {
        return new AuditFilter(digest, container, verdict, null, null, null);
    }

    private static AuditRow row(String digest, String container, Verdict verdict, String rule, Instant at, long bucket) {
        String kind = verdict == Verdict.ANOMALOUS ? "TRANSITION" : "PROCESS";
        return new AuditRow(digest, container, "node-a", verdict.name(), kind, rule, rule, "not in the profile",
                "{\"type\":\"process.exec\"}", at, at, 1, bucket, 1, "5c0d", null, null, null, TRANSITION);
    }
}
