package io.habitus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A container's state and evidence rows are rewritten by every batch that judges the container, so
 * those rewrites must be PostgreSQL HOT updates (a new version on the row's page, no new index
 * entries): no index may cover a column a batch changes, and the pages keep room for new versions.
 * An index on updated_at (for the idle expiry) made none of them HOT (bench/README.md).
 */
class ContainerRowsStayHotTests extends IntegrationTest {

    private static final List<String> REWRITTEN_PER_BATCH = List.of("behavior_container_state", "incident_evidence");

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void theRowsEveryBatchRewritesAreIndexedByContainerIdAloneAndLeaveRoomOnTheirPages() {
        for (String table : REWRITTEN_PER_BATCH) {
            List<String> indexed = jdbc.queryForList("""
                    select distinct a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indrelid = cast(? as regclass)""", String.class, table);
            assertThat(indexed).as(table).containsExactly("container_id");
            List<String> expressionIndexes = jdbc.queryForList("""
                    select indexrelid::regclass::text from pg_index
                    where indrelid = cast(? as regclass) and (indexprs is not null or indpred is not null)""", String.class, table);
            assertThat(expressionIndexes).as(table).isEmpty();
            assertThat(jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class where oid = cast(? as regclass)",
                    String.class, table)).as(table).contains("fillfactor=50");
        }
    }

    @Test
    void aBatchRewritingAContainersStateIsAHotUpdate() {
        String digest = Events.newDigest();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(60);
        assertThat(api().post("/api/v1/events", Api.json(Events.batch(Events.newId("batch"), NginxTraffic.rounds(digest, container, t, 1))))
                .status()).isEqualTo(200);

        // What the pipeline's write changes (the state, updated_at, revision), in a transaction whose own counters tell.
        long hot = transaction.execute(status -> {
            jdbc.update("""
                    update behavior_container_state set updated_at = updated_at + interval '1 second', revision = revision + 1,
                      last_event_at = last_event_at + interval '1 second' where container_id = ?""", container);
            return jdbc.queryForObject("select pg_stat_get_xact_tuples_hot_updated(cast('behavior_container_state' as regclass))",
                    Long.class);
        });
        assertThat(hot).isEqualTo(1);
    }
}
