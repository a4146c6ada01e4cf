package io.habitus.ingest.persistence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily partitions of {@code ingest_event}: created ahead of the events that will need them, and
 * dropped whole once they fall out of retention (far cheaper than deleting rows). Replicas take
 * turns through an advisory lock.
 */
@Repository
public class EventPartitions {

    private static final Logger log = LoggerFactory.getLogger(EventPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'ingest_event_p'yyyyMMdd");
    private static final long LOCK = 0x6861626974757301L;

    private final JdbcTemplate jdbc;

    EventPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ensures a partition for every day from {@code oldest} to {@code newest}; drops older ones. */
    @Transactional
    public void maintain(LocalDate oldest, LocalDate newest) {
        jdbc.execute("select pg_advisory_xact_lock(" + LOCK + ")");
        for (LocalDate day = oldest; !day.isAfter(newest); day = day.plusDays(1)) {
            jdbc.execute("create table if not exists %s partition of ingest_event for values from ('%s') to ('%s')"
                    .formatted(NAME.format(day), startOf(day), startOf(day.plusDays(1))));
        }
        for (String partition : existing()) {
            LocalDate day = LocalDate.parse(partition, NAME);
            if (day.isBefore(oldest)) {
                jdbc.execute("drop table " + partition);
                log.info("dropped event partition {}: older than retention", partition);
            }
        }
    }

    List<String> existing() {
        return jdbc.queryForList("""
                select c.relname from pg_inherits i
                join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent
                where p.relname = 'ingest_event' and c.relname ~ '^ingest_event_p[0-9]{8}$'
                order by c.relname
                """, String.class);
    }

    private static String startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString();
    }
}
