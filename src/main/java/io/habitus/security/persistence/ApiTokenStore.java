package io.habitus.security.persistence;

import io.habitus.security.Role;
import io.habitus.security.TokenScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code security_api_token} table, in plain SQL like every other table of Habitus. */
@Repository
public class ApiTokenStore {

    private static final String SELECT = """
            select id, name, role, scope_namespaces, scope_clusters, scope_operations, secret_hash, prefix, created_at,
                   created_by, revoked_at
            from security_api_token
            """;

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiTokenRow row) {
        jdbc.sql("""
                insert into security_api_token (id, name, role, scope_namespaces, scope_clusters, scope_operations,
                    secret_hash, prefix, created_at, created_by, revoked_at)
                values (:id, :name, :role, :namespaces, :clusters, :operations, :secretHash, :prefix, :createdAt,
                    :createdBy, :revokedAt)
                """)
                .param("id", row.id())
                .param("name", row.name())
                .param("role", row.role().name())
                .param("namespaces", texts(row.scope().namespaces()))
                .param("clusters", texts(row.scope().clusters()))
                .param("operations", row.scope().operations() == null ? null
                        : texts(row.scope().operations().stream().map(Enum::name).toList()))
                .param("secretHash", row.secretHash())
                .param("prefix", row.prefix())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .param("createdBy", row.createdBy())
                .param("revokedAt", row.revokedAt() == null ? null : Timestamp.from(row.revokedAt()))
                .update();
    }

    public Optional<ApiTokenRow> findById(UUID id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(ApiTokenStore::row).optional();
    }

    public Optional<ApiTokenRow> findBySecretHash(String secretHash) {
        return jdbc.sql(SELECT + "where secret_hash = :secretHash").param("secretHash", secretHash)
                .query(ApiTokenStore::row).optional();
    }

    public List<ApiTokenRow> listNewestFirst() {
        return jdbc.sql(SELECT + "order by created_at desc, id").query(ApiTokenStore::row).list();
    }

    /** Marks a token revoked unless it already is (the first revocation time stays); false if there is no such token. */
    public boolean revoke(UUID id, Instant at) {
        return jdbc.sql("update security_api_token set revoked_at = coalesce(revoked_at, :at) where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update() > 0;
    }

    private static ApiTokenRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiTokenRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                new TokenScope(texts(rs, "scope_namespaces"), texts(rs, "scope_clusters"),
                        texts(rs, "scope_operations") == null ? null
                                : texts(rs, "scope_operations").stream().map(TokenScope.Operation::valueOf).toList()),
                rs.getString("secret_hash"),
                rs.getString("prefix"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A {@code text[]} parameter: pgjdbc binds a {@code String[]} as one. */
    private static String @Nullable [] texts(@Nullable List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static @Nullable List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
