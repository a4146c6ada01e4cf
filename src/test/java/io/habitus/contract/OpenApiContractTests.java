package io.habitus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract checker itself: it must refuse what the document does not describe, or the replay proves nothing. */
class OpenApiContractTests {

    private static final OpenApiContract CONTRACT = OpenApiContract.committed();
    private static final Map<String, String> REQUEST_ID = Map.of("x-request-id", "3f2b6c1e");
    private static final String TOKEN = """
            {"id":"6f0c1a52-3c1e-4a8e-9d59-0d2c4f8e9a10","name":"agents","role":"AGENT","scope":null,
             "prefix":"hab_Xk3v9Q","createdAt":"2026-11-28T10:00:00Z","createdBy":"bootstrap-admin","revokedAt":null}""";

    @Test
    void aTrueAnswerPasses() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", json(200, TOKEN))).isEmpty();
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", json(418, TOKEN)))
                .singleElement().asString().contains("answered 418, which it does not declare");
    }

    @Test
    void aBodyMissingARequiredFieldFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", json(200, TOKEN.replace("\"name\":\"agents\",", ""))))
                .singleElement().asString().contains("name");
    }

    @Test
    void aNullWhereTheDocumentSaysNoNullFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", json(200, TOKEN.replace("\"agents\"", "null"))))
                .isNotEmpty();
    }

    @Test
    void aWrongTypeOrFormatFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", json(200, TOKEN.replace("\"AGENT\"", "\"ROOT\""))))
                .isNotEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}",
                json(200, TOKEN.replace("2026-11-28T10:00:00Z", "yesterday")))).isNotEmpty();
    }

    @Test
    void anUndeclaredContentTypeOrHeaderFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}",
                new OpenApiContract.Answer(200, "text/html", Map.of(), "<p>hi</p>"))).isNotEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}",
                new OpenApiContract.Answer(200, "application/json", Map.of("location", "/x", "x-request-id", "r-1"), TOKEN))).isNotEmpty();
    }

    @Test
    void aProblemMustBeAProblem() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", new OpenApiContract.Answer(404,
                "application/problem+json", REQUEST_ID, "{\"type\":\"https://habitus.io/problems/not-found\","
                        + "\"title\":\"No such resource\",\"status\":404}"))).isEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}", new OpenApiContract.Answer(404,
                "application/problem+json", Map.of(), "{\"message\":\"not found\"}"))).isNotEmpty();
    }

    @Test
    void aMissingDeclaredHeaderFails() {
        assertThat(CONTRACT.violations("GET", "/api/v1/tokens/{id}",
                new OpenApiContract.Answer(200, "application/json", Map.of(), TOKEN)))
                .singleElement().asString().contains("declares X-Request-Id but did not send it");
    }

    private static OpenApiContract.Answer json(int status, String body) {
        return new OpenApiContract.Answer(status, "application/json", REQUEST_ID, body);
    }
}
