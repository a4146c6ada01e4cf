package io.habitus.profile.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.behavior.TokenKind;
import io.habitus.profile.internal.EntryOrigin;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileSource;
import io.habitus.shared.ImageDigest;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Entries are written with COPY: whatever characters they hold, they read back as written. */
class ProfileStoreTests extends IntegrationTest {

    @Autowired
    ProfileStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void entriesWithCharactersThatCopyAndArraysEscapeReadBackAsWritten() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        Instant seen = Instant.parse("2026-11-28T10:00:00.123456Z");
        jdbc.sql("insert into image (digest, status, first_seen, last_seen, event_count) values (:d, 'LEARNING', :t, :t, 0)")
                .param("d", digest.value()).param("t", Timestamp.from(seen)).update();
        List<ProfileEntry> entries = List.of(
                new ProfileEntry(TokenKind.FILE_READ, "/data/tab\there/new\nline/cr\rback\\slash", EntryOrigin.LEARNED, null,
                        null, 12, 3, 2, seen, seen.plusSeconds(60),
                        List.of("quote\"d", "back\\slash", "comma,brace{}", "NULL", " spaced ", "tab\tnew\nline", "ümlaut ✓")),
                new ProfileEntry(TokenKind.PROCESS, "/bin/sh <- /usr/sbin/nginx", EntryOrigin.MANUAL, "alice\\admin",
                        "allowed: \"health check\"\tvia audit\n42", 0, 0, 0, null, null, List.of()),
                new ProfileEntry(TokenKind.SYSCALL, "\\N", EntryOrigin.LEARNED, null, null, 1, 1, 1, seen, seen, List.of("")));

        transaction.executeWithoutResult(status -> {
            int version = store.nextVersion(digest);
            store.insertVersion(digest, version, "checksum", ProfileSource.IMPORTED, null, null, false, null, seen, "test",
                    entries);
        });

        assertThat(store.entries(digest.value(), 1)).containsExactlyInAnyOrderElementsOf(entries);
    }
}
