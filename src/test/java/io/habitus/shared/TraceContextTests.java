package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.habitus.support.Api;
import io.habitus.support.IntegrationTest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

/** W3C trace context: honoured from callers, written to the logs and answers, passed on to outgoing calls. */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTests extends IntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Autowired
    Tracer tracer;

    @Autowired
    RestClient.Builder restClients;

    @Test
    void aCallersTraceIdIsInTheAnswerAndInTheLogLinesOfItsRequest(CapturedOutput output) {
        Api.Reply reply = api().send("GET", "/api/v1/test-only/failure", null, new byte[0], "traceparent", TRACEPARENT);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.header("traceresponse")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(output.getOut().lines().filter(line -> line.contains("unexpected error on uri=/api/v1/test-only/failure")))
                .singleElement().asString().contains(TRACE_ID);
    }

    @Test
    void aRequestWithoutTraceparentStartsItsOwnUnsampledTrace() {
        String first = api().get("/api/v1/images").header("traceresponse");
        String second = api().get("/api/v1/images").header("traceresponse");

        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00").doesNotContain("00000000000000000000000000000000");
        assertThat(second.substring(3, 35)).isNotEqualTo(first.substring(3, 35));
    }

    @Test
    void callsMadeWithTheAutoConfiguredRestClientCarryTheCurrentTrace() throws IOException {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        Span span = tracer.nextSpan().name("alert delivery").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            restClients.build().post().uri("http://127.0.0.1:" + sink.getAddress().getPort() + "/hook")
                    .body("{}").retrieve().toBodilessEntity();
        } finally {
            span.end();
            sink.stop(0);
        }

        assertThat(received.get()).startsWith("00-" + span.context().traceId() + "-");
    }
}
