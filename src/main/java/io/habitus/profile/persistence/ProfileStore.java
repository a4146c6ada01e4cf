package io.habitus.profile.persistence;

import io.habitus.behavior.TokenKind;
import io.habitus.profile.ProfileVersion;
import io.habitus.profile.internal.EntryOrigin;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileSource;
import io.habitus.shared.ImageDigest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profile versions, their entries and each image's head (latest and active version). */
@Repository
public class ProfileStore {

    private static final String VERSION_COLUMNS = """
            v.digest, v.version, v.checksum, v.source, v.based_on, v.window_no, v.partial, v.comment, v.created_at,
            v.created_by, (h.active_version = v.version) as active,
            (select count(*) from profile_entry e where e.digest = v.digest and e.version = v.version) as entries
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final EntryCopy entryCopy;

    ProfileStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.entryCopy = new EntryCopy(template.getDataSource());
    }

    /** The head, locked until the transaction ends, so that edits of one image happen one at a time. */
    public Optional<ProfileHead> lockHead(ImageDigest digest) {
        return jdbc.sql("select digest, latest_version, active_version from profile_head where digest = :d for update")
                .param("d", digest.value())
                .query((rs, n) -> new ProfileHead(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3)))
                .optional();
    }

    public Optional<ProfileHead> head(ImageDigest digest) {
        return jdbc.sql("select digest, latest_version, active_version from profile_head where digest = :d")
                .param("d", digest.value())
                .query((rs, n) -> new ProfileHead(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3)))
                .optional();
    }

    /** Heads with an active version among the given digests. */
    public List<ProfileHead> activeHeads(Collection<String> digests) {
        return template.query("select digest, latest_version, active_version from profile_head "
                        + "where digest = any(?) and active_version is not null",
                (rs, n) -> new ProfileHead(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                (Object) digests.toArray(String[]::new));
    }

    public int nextVersion(ImageDigest digest) {
        template.update("insert into profile_head (digest, latest_version) values (?, 0) on conflict do nothing", digest.value());
        return jdbc.sql("update profile_head set latest_version = latest_version + 1 where digest = :d returning latest_version")
                .param("d", digest.value())
                .query(Integer.class)
                .single();
    }

    /** Stores a version and its entries ({@link EntryCopy}: a learned version can have tens of thousands). */
    public void insertVersion(ImageDigest digest, int version, String checksum, ProfileSource source,
            @Nullable Integer basedOn, @Nullable Integer windowNo, boolean partial, @Nullable String comment, Instant createdAt, String createdBy,
            List<ProfileEntry> entries) {
        template.update("""
                insert into profile_version (digest, version, checksum, source, based_on, window_no, partial, comment,
                                             created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, digest.value(), version, checksum, source.name(), basedOn, windowNo, partial, comment,
                Timestamp.from(createdAt), createdBy);
        entryCopy.copy(digest.value(), version, entries);
    }

    public void activate(ImageDigest digest, int version, Instant at, String by) {
        template.update("update profile_head set active_version = ?, activated_at = ?, activated_by = ? where digest = ?",
                version, Timestamp.from(at), by, digest.value());
    }

    public List<ProfileVersion> versions(ImageDigest digest) {
        return jdbc.sql("select " + VERSION_COLUMNS + """
                from profile_version v join profile_head h on h.digest = v.digest
                where v.digest = :d order by v.version desc
                """)
                .param("d", digest.value())
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<ProfileVersion> version(ImageDigest digest, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + """
                from profile_version v join profile_head h on h.digest = v.digest
                where v.digest = :d and v.version = :v
                """)
                .param("d", digest.value())
                .param("v", version)
                .query((rs, n) -> version(rs))
                .optional();
    }

    public List<ProfileEntry> entries(String digest, int version) {
        return jdbc.sql("""
                select kind, pattern, origin, added_by, reason, count, containers, nodes, first_seen, last_seen, examples
                from profile_entry where digest = :d and version = :v order by kind, pattern
                """)
                .param("d", digest)
                .param("v", version)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static ProfileVersion version(ResultSet rs) throws SQLException {
        return new ProfileVersion(new ImageDigest(rs.getString("digest")), rs.getInt("version"), rs.getString("checksum"),
                ProfileSource.valueOf(rs.getString("source")), (Integer) rs.getObject("based_on"),
                (Integer) rs.getObject("window_no"), rs.getBoolean("partial"), rs.getString("comment"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getBoolean("active"),
                rs.getInt("entries"));
    }

    private static ProfileEntry entry(ResultSet rs) throws SQLException {
        Array examples = rs.getArray("examples");
        return new ProfileEntry(TokenKind.valueOf(rs.getString("kind")), rs.getString("pattern"),
                EntryOrigin.valueOf(rs.getString("origin")), rs.getString("added_by"), rs.getString("reason"),
                rs.getLong("count"), rs.getInt("containers"), rs.getInt("nodes"), instant(rs, "first_seen"),
                instant(rs, "last_seen"), examples == null ? List.of() : Arrays.asList((String[]) examples.getArray()));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
