package io.habitus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The filter tells the controllers, once a JSON body was read, whether it held a backslash. */
class JsonBodiesTests {

    private final HttpLimitsProperties limits = new HttpLimitsProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(5));
    private final RequestBodyFilter filter = new RequestBodyFilter(limits,
            new ProblemResponseWriter(JsonMapper.builder().build(), limits));

    @Test
    void aJsonBodyWithoutABackslashHasNoEscapesOnceRead() throws Exception {
        assertThat(noEscapesAfterReading("application/json", "{\"exe\":\"/usr/bin/ü\"}")).isTrue();
    }

    @Test
    void aJsonBodyWithABackslashHasEscapes() throws Exception {
        assertThat(noEscapesAfterReading("application/json", "{\"exe\":\"/bin/\\u0000sh\"}")).isFalse();
    }

    @Test
    void aBodyNotReadAsJsonIsNotKnownToBePlain() throws Exception {
        assertThat(noEscapesAfterReading("text/plain", "{\"exe\":\"/bin/sh\"}")).isFalse();
    }

    private boolean noEscapesAfterReading(String contentType, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events");
        request.setContentType(contentType);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        AtomicBoolean noEscapes = new AtomicBoolean();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            ((HttpServletRequest) req).getInputStream().readAllBytes();
            noEscapes.set(JsonBodies.noEscapes((HttpServletRequest) req));
        });
        return noEscapes.get();
    }
}
