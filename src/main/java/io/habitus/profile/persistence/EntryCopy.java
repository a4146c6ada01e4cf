package io.habitus.profile.persistence;

import io.habitus.profile.internal.ProfileEntry;
import io.habitus.shared.database.CopyEscape;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Writes a version's entries with COPY, on the transaction's connection. A profile learned from a
 * large image has tens of thousands of entries (33,000 for 10,000 containers in bench/finish.sh),
 * stored inside the FINISH request: in 500-row JDBC batches that took 2.5–3 s on a busy 2-core
 * machine, with COPY 0.9–1.7 s (a JSON array unpacked by the server fell in between).
 */
final class EntryCopy {

    private static final String COPY = "copy profile_entry (digest, version, kind, pattern, origin, added_by, reason, "
            + "count, containers, nodes, first_seen, last_seen, examples) from stdin";

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    EntryCopy(DataSource dataSource) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    void copy(String digest, int version, List<ProfileEntry> entries) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text(digest, version, entries)));
        } catch (SQLException e) {
            throw translator.translate("COPY profile_entry", COPY, e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("COPY profile_entry failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static String text(String digest, int version, List<ProfileEntry> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 256);
        String prefix = escape(digest) + '\t' + version + '\t';
        for (ProfileEntry e : entries) {
            out.append(prefix)
                    .append(e.kind().name()).append('\t')
                    .append(escape(e.pattern())).append('\t')
                    .append(e.origin().name()).append('\t')
                    .append(escape(e.addedBy())).append('\t')
                    .append(escape(e.reason())).append('\t')
                    .append(e.count()).append('\t')
                    .append(e.containers()).append('\t')
                    .append(e.nodes()).append('\t')
                    .append(time(e.firstSeen())).append('\t')
                    .append(time(e.lastSeen())).append('\t')
                    .append(escape(arrayLiteral(e.examples()))).append('\n');
        }
        return out.toString();
    }

    /** A text[] literal with every element quoted, so that commas, braces, spaces and "NULL" stay text. */
    static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"');
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "\\N" : instant.toString();
    }

    private static String escape(@Nullable String value) {
        return CopyEscape.text(value);
    }
}
