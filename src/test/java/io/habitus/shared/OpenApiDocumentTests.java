package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the one the service serves. To refresh the committed copy
 * after an API change: {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.update=true}.
 */
class OpenApiDocumentTests extends IntegrationTest {

    private static final Path COMMITTED = Path.of("openapi/habitus.yaml");

    @Test
    void theCommittedDocumentEqualsTheServedOne() throws IOException {
        var reply = api(null).get("/v3/api-docs.yaml");
        assertThat(reply.status()).isEqualTo(200);
        String served = reply.raw().body();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("openapi/habitus.yaml is committed").exists();
        assertThat(served)
                .as("the served OpenAPI document differs from openapi/habitus.yaml; rerun with -Dopenapi.update=true and commit")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void everyEndpointIsDocumentedWithItsProblemTypes() {
        String served = api(null).get("/v3/api-docs.yaml").raw().body();
        assertThat(served).contains("/api/v1/events:", "/api/v1/images:", "/api/v1/images/{digest}:", "/api/v1/tokens:",
                "/api/v1/tokens/{id}:");
        for (ProblemType type : ProblemType.values()) {
            assertThat(served).contains(type.uri().toString());
        }
    }
}
