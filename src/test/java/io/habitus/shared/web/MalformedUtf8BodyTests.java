package io.habitus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JSON bodies are decoded as strict UTF-8 (RFC 3629): an overlong {@code /} ({@code C0 AF}) must not
 * turn {@code /bin/\xc0\xafsh} into {@code /bin//sh}, read as {@code exec /bin/sh}. Malformed bytes
 * anywhere in a body, plain or gzip-encoded, get a 400 problem and nothing is stored.
 */
class MalformedUtf8BodyTests extends IntegrationTest {

    private static final String MARK = "@@";
    private static final byte[] OVERLONG_SLASH = {(byte) 0xC0, (byte) 0xAF};

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverlongSlashInAnExecutableIsRefusedAndNothingIsStored() {
        String digest = Events.newDigest();
        String batchId = Events.newId("utf8");
        byte[] body = withBytes(batchOf(batchId, digest, "/bin/" + MARK + "sh"), OVERLONG_SLASH);

        assertMalformed(api().send("POST", "/api/v1/events", "application/json", body));
        assertNothingStored(batchId, digest);
    }

    @Test
    void anOverlongSlashInTheBatchIdIsRefusedAndNothingIsStored() {
        String digest = Events.newDigest();
        String batchId = Events.newId("utf8");
        byte[] body = withBytes(batchOf(batchId + MARK + "x", digest, "/usr/sbin/nginx"), OVERLONG_SLASH);

        assertMalformed(api().send("POST", "/api/v1/events", "application/json", body));
        assertNothingStored(batchId, digest);
    }

    @Test
    void aGzipEncodedBodyIsCheckedAfterDecoding() {
        String digest = Events.newDigest();
        String batchId = Events.newId("utf8");
        byte[] body = Api.gzip(withBytes(batchOf(batchId, digest, "/bin/" + MARK + "sh"), OVERLONG_SLASH));

        assertMalformed(api().send("POST", "/api/v1/events", "application/json", body, "Content-Encoding", "gzip"));
        assertNothingStored(batchId, digest);
    }

    @Test
    void everyKindOfMalformedSequenceIsRefused() {
        List<byte[]> malformed = List.of(
                OVERLONG_SLASH,
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},              // overlong, three bytes
                new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, // overlong, four bytes
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // a UTF-16 surrogate
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                new byte[] {(byte) 0x80},                                        // a lone continuation byte
                new byte[] {(byte) 0xE2, (byte) 0x82},                           // a truncated sequence
                new byte[] {(byte) 0xFF},                                        // never in UTF-8
                new byte[] {0x00});                                              // never in JSON text
        for (byte[] bytes : malformed) {
            String digest = Events.newDigest();
            String batchId = Events.newId("utf8");
            assertMalformed(api().send("POST", "/api/v1/events", "application/json",
                    withBytes(batchOf(batchId, digest, "/bin/" + MARK + "sh"), bytes)));
            assertNothingStored(batchId, digest);
        }
    }

    @Test
    void aMalformedTokenNameIsRefusedAndNoTokenIsIssued() {
        String name = Events.newId("agents");
        byte[] body = withBytes(Api.json(Map.of("name", name + MARK + "x", "role", "AGENT")), OVERLONG_SLASH);

        assertMalformed(api().send("POST", "/api/v1/tokens", "application/json", body));
        assertThat(jdbc.sql("select count(*) from security_api_token where name like ?").param(name + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMalformedScoreRequestIsRefused() {
        String digest = Events.newDigest();
        String score = Api.json(Map.of("events", List.of(Events.exec(digest, Events.newId("c"), "node-a", "/bin/" + MARK + "sh"))));

        assertMalformed(api().send("POST", "/api/v1/score", "application/json", withBytes(score, OVERLONG_SLASH)));
        assertMalformed(api().send("POST", "/api/v1/score?commit=false", "application/json", withBytes(score, OVERLONG_SLASH)));
    }

    @Test
    void jsonDeclaredInAnotherCharsetIsRefusedWith415() {
        String digest = Events.newDigest();
        String batchId = Events.newId("utf8");
        Api.Reply reply = api().send("POST", "/api/v1/events", "application/json; charset=ISO-8859-1",
                batchOf(batchId, digest, "/usr/sbin/nginx").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").stringValue()).endsWith("/unsupported-media-type");
        assertNothingStored(batchId, digest);
    }

    @Test
    void wellFormedMultiByteCharactersAreStoredAsSent() {
        String digest = Events.newDigest();
        String batchId = Events.newId("utf8");
        String exe = "/opt/caf\u00e9/\u65e5\u672c/\uD83D\uDE80run";
        Api.Reply reply = api().send("POST", "/api/v1/events", "application/json; charset=UTF-8",
                batchOf(batchId, digest, exe).getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(jdbc.sql("select cast(payload as jsonb)->'process'->>'exe' from ingest_event where batch_id = ?").param(batchId)
                .query(String.class).single()).isEqualTo(exe);
    }

    private static String batchOf(String batchId, String digest, String exe) {
        return Api.json(Events.batch(batchId, List.of(Events.exec(digest, Events.newId("c"), "node-a", exe))));
    }

    /** The UTF-8 bytes of {@code json} with every {@link #MARK} replaced by {@code bytes}. */
    private static byte[] withBytes(String json, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = json.split(MARK, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.writeBytes(bytes);
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertMalformed(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").stringValue()).isEqualTo("https://habitus.io/problems/invalid-request");
        assertThat(reply.json().get("detail").stringValue()).contains("UTF-8");
    }

    private void assertNothingStored(String batchId, String digest) {
        assertThat(jdbc.sql("select count(*) from ingest_batch where batch_id like ?").param(batchId + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ingest_event where image_digest = ?").param(digest)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from image where digest = ?").param(digest).query(Long.class).single()).isZero();
    }
}
