package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every error, whatever raised it, is an RFC 9457 problem with a stable type. */
class ProblemResponseTests extends IntegrationTest {

    @Test
    void anUnknownRouteIs404() {
        assertProblem(api().get("/api/v1/nothing-here"), 404, "/not-found");
        assertProblem(api(null).get("/nothing-here"), 404, "/not-found");
    }

    @Test
    void anUnknownImageIs404AndAMalformedDigestIs400() {
        assertProblem(api().get("/api/v1/images/sha256:" + "0".repeat(64)), 404, "/not-found");
        assertProblem(api().get("/api/v1/images/nginx:latest"), 400, "/invalid-request");
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api().send("PUT", "/api/v1/events", "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                405, "/method-not-allowed");
        assertProblem(api().delete("/api/v1/images"), 405, "/method-not-allowed");
    }

    @Test
    void aWrongMediaTypeIs415() {
        assertProblem(api().send("POST", "/api/v1/events", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                415, "/unsupported-media-type");
    }

    @Test
    void anUnacceptableResponseTypeIs406() {
        Api.Reply reply = api().send("GET", "/api/v1/images", null, new byte[0], "Accept", "text/csv");
        assertThat(reply.status()).isEqualTo(406);
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(api().get("/api/v1/images?status=SLEEPING"), 400, "/invalid-request");
        assertProblem(api().get("/api/v1/images?size=0"), 400, "/invalid-request");
        assertProblem(api().get("/api/v1/images?size=100000"), 400, "/invalid-request");
        assertProblem(api().get("/api/v1/images?page=-1"), 400, "/invalid-request");
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        Api.Reply reply = api().get("/api/v1/test-only/failure");
        assertProblem(reply, 500, "/internal");
        assertThat(reply.raw().body()).doesNotContain("secret internal detail", "IllegalStateException");
    }

    /** A deadlock victim or lock timeout: retryable, and the answer says nothing was stored, as an outage's does. */
    @Test
    void aLockConflictIs503SayingNothingWasStored() {
        Api.Reply reply = api().get("/api/v1/test-only/lock-conflict");
        assertProblem(reply, 503, "/unavailable");
        assertThat(reply.json().get("outcome").stringValue()).isEqualTo("NOT_STORED");
        assertThat(reply.raw().body()).doesNotContain("deadlock detected");
    }

    @Test
    void aRequestTomcatCannotParseGetsAProblemNotAnHtmlPage() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/images HTTP/1.1\r\nHost: localhost\r\n"
                    + "Bad\u0001Header: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/problem+json", "https://habitus.io/problems/invalid-request")
                    .doesNotContain("<html");
        }
    }

    private static void assertProblem(Api.Reply reply, int status, String typeSuffix) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").intValue()).isEqualTo(status);
        assertThat(reply.json().get("type").stringValue()).startsWith("https://habitus.io/problems/").endsWith(typeSuffix);
        assertThat(reply.json().get("title").stringValue()).isNotBlank();
    }
}
