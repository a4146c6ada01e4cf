package io.habitus.image.persistence;

import io.habitus.image.internal.ContainerSummary;
import io.habitus.image.internal.ImageStatus;
import io.habitus.image.internal.ImageSummary;
import io.habitus.shared.ImageDigest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL rather than JPA: the catalogue is written by batched upserts on the ingest path,
 * where one statement per row kind and batch matters.
 */
@Repository
public class ImageCatalogStore {

    private static final String SUMMARY = """
            select i.digest, i.status, i.event_count, i.first_seen, i.last_seen, i.active_profile_version,
                   i.active_profile_checksum,
                   coalesce((select array_agg(n.name order by n.name) from image_name n where n.digest = i.digest), '{}') as names,
                   (select count(*) from image_container c where c.digest = i.digest) as container_count,
                   (select count(distinct c.node) from image_container c where c.digest = i.digest) as node_count
            from image i
            """;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    ImageCatalogStore(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /**
     * Registers the images, names and containers of {@code totals} that do not exist yet. Rows that
     * exist are not touched, so concurrent batches do not queue behind each other's row locks.
     */
    public void register(SightingTotals totals, Set<String> knownImages, Set<String> knownContainers) {
        jdbc.batchUpdate("""
                insert into image (digest, status, first_seen, last_seen, event_count) values (?, 'LEARNING', ?, ?, 0)
                on conflict (digest) do nothing
                """, totals.images.entrySet().stream().filter(e -> !knownImages.contains(e.getKey()))
                .map(e -> new Object[] {e.getKey(), ts(e.getValue().first()), ts(e.getValue().last())})
                .toList());
        jdbc.batchUpdate("""
                insert into image_container (container_id, digest, node, namespace, pod, cluster, first_seen, last_seen, event_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (container_id) do nothing
                """, totals.containers.entrySet().stream().filter(e -> !knownContainers.contains(e.getKey()))
                .map(e -> {
                    SightingTotals.ContainerTotal c = e.getValue();
                    return new Object[] {e.getKey(), c.digest(), c.node(), c.namespace(), c.pod(), c.cluster(),
                        ts(c.span().first()), ts(c.span().last())};
                })
                .toList());
    }

    /** Adds counts, first/last seen and names; run by the statistics flush, one replica's second at a time. */
    public void add(SightingTotals totals) {
        jdbc.batchUpdate("""
                insert into image (digest, status, first_seen, last_seen, event_count) values (?, 'LEARNING', ?, ?, ?)
                on conflict (digest) do update set
                  first_seen = least(image.first_seen, excluded.first_seen),
                  last_seen = greatest(image.last_seen, excluded.last_seen),
                  event_count = image.event_count + excluded.event_count
                """, totals.images.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), ts(e.getValue().first()), ts(e.getValue().last()), e.getValue().count()})
                .toList());
        jdbc.batchUpdate("""
                insert into image_name (digest, name, first_seen, last_seen) values (?, ?, ?, ?)
                on conflict (digest, name) do update set
                  first_seen = least(image_name.first_seen, excluded.first_seen),
                  last_seen = greatest(image_name.last_seen, excluded.last_seen)
                """, totals.names.entrySet().stream()
                .map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), ts(e.getValue().first()), ts(e.getValue().last())})
                .toList());
        // A container belongs to one image: a row of another digest is left untouched.
        jdbc.batchUpdate("""
                insert into image_container (container_id, digest, node, namespace, pod, cluster, first_seen, last_seen, event_count)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (container_id) do update set
                  node = coalesce(excluded.node, image_container.node),
                  namespace = coalesce(excluded.namespace, image_container.namespace),
                  pod = coalesce(excluded.pod, image_container.pod),
                  cluster = coalesce(excluded.cluster, image_container.cluster),
                  first_seen = least(image_container.first_seen, excluded.first_seen),
                  last_seen = greatest(image_container.last_seen, excluded.last_seen),
                  event_count = image_container.event_count + excluded.event_count
                where image_container.digest = excluded.digest
                """, totals.containers.entrySet().stream()
                .map(e -> {
                    SightingTotals.ContainerTotal c = e.getValue();
                    return new Object[] {e.getKey(), c.digest(), c.node(), c.namespace(), c.pod(), c.cluster(),
                        ts(c.span().first()), ts(c.span().last()), c.span().count()};
                })
                .toList());
        jdbc.batchUpdate("""
                insert into image_event_type_count (digest, event_type, event_count) values (?, ?, ?)
                on conflict (digest, event_type) do update set
                  event_count = image_event_type_count.event_count + excluded.event_count
                """, totals.types.entrySet().stream()
                .map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getValue()})
                .toList());
    }

    public Map<String, ImageDigest> imagesOf(Collection<String> containerIds) {
        Map<String, ImageDigest> owners = new HashMap<>();
        if (containerIds.isEmpty()) {
            return owners;
        }
        jdbc.query("select container_id, digest from image_container where container_id = any(?)",
                rs -> {
                    owners.put(rs.getString(1), new ImageDigest(rs.getString(2)));
                },
                (Object) containerIds.toArray(String[]::new));
        return owners;
    }

    public Map<ImageStatus, Long> countByStatus() {
        Map<ImageStatus, Long> counts = new HashMap<>();
        client.sql("select status, count(*) from image group by status")
                .query(rs -> {
                    counts.put(ImageStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    public Set<String> existing(Collection<String> digests) {
        return new HashSet<>(jdbc.queryForList("select digest from image where digest = any(?)", String.class,
                (Object) digests.toArray(String[]::new)));
    }

    public boolean exists(ImageDigest digest) {
        return client.sql("select exists(select 1 from image where digest = :digest)")
                .param("digest", digest.value()).query(Boolean.class).single();
    }

    public void profileActivated(ImageDigest digest, int version, String checksum) {
        client.sql("""
                update image set status = 'ACTIVE', active_profile_version = :version, active_profile_checksum = :checksum
                where digest = :digest
                """)
                .param("digest", digest.value()).param("version", version).param("checksum", checksum).update();
    }

    public List<ImageSummary> list(@Nullable ImageStatus status, int offset, int limit) {
        return client.sql(SUMMARY + """
                where cast(:status as text) is null or i.status = cast(:status as text)
                order by i.first_seen desc, i.digest
                limit :limit offset :offset
                """)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> summary(rs))
                .list();
    }

    public long count(@Nullable ImageStatus status) {
        return client.sql("select count(*) from image where cast(:status as text) is null or status = cast(:status as text)")
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    public Optional<ImageSummary> summary(ImageDigest digest) {
        return client.sql(SUMMARY + " where i.digest = :digest")
                .param("digest", digest.value())
                .query((rs, n) -> summary(rs))
                .optional();
    }

    public List<String> nodes(ImageDigest digest) {
        return client.sql("select distinct node from image_container where digest = :digest and node is not null order by node")
                .param("digest", digest.value())
                .query(String.class)
                .list();
    }

    public Map<String, Long> eventCounts(ImageDigest digest) {
        Map<String, Long> counts = new LinkedHashMap<>();
        client.sql("select event_type, event_count from image_event_type_count where digest = :digest order by event_type")
                .param("digest", digest.value())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public List<ContainerSummary> containers(ImageDigest digest, int limit) {
        return client.sql("""
                select container_id, node, namespace, pod, cluster, event_count, first_seen, last_seen
                from image_container where digest = :digest order by last_seen desc, container_id limit :limit
                """)
                .param("digest", digest.value())
                .param("limit", limit)
                .query((rs, n) -> new ContainerSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), instant(rs, 7), instant(rs, 8)))
                .list();
    }

    private static ImageSummary summary(ResultSet rs) throws SQLException {
        Array names = rs.getArray("names");
        List<String> nameList = names == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) names.getArray()));
        return new ImageSummary(new ImageDigest(rs.getString("digest")), ImageStatus.valueOf(rs.getString("status")),
                nameList, rs.getLong("container_count"), rs.getLong("node_count"), rs.getLong("event_count"),
                instant(rs, "first_seen"), instant(rs, "last_seen"), (Integer) rs.getObject("active_profile_version"),
                rs.getString("active_profile_checksum"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
