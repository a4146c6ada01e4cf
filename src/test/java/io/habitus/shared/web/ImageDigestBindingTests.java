package io.habitus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every image digest in a path or query is bound by one converter: one check, one message. */
class ImageDigestBindingTests extends IntegrationTest {

    @Test
    void aMalformedDigestIsTheSame400OnEveryPath() {
        for (String path : List.of("/api/v1/images/%s", "/api/v1/images/%s/learning", "/api/v1/images/%s/profiles",
                "/api/v1/images/%s/profiles/1", "/api/v1/images/%s/models", "/api/v1/images/%s/models/jobs",
                "/api/v1/images/%s/detectors")) {
            for (String digest : List.of("sha256:nope", "SHA256:" + "a".repeat(64), "sha256:" + "A".repeat(64))) {
                Api.Reply reply = api().get(path.formatted(digest));
                assertThat(reply.status()).as(path + " " + reply.raw().body()).isEqualTo(400);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                JsonNode error = reply.json().get("errors").get(0);
                assertThat(error.get("field").stringValue()).isEqualTo("digest");
                assertThat(error.get("reason").stringValue()).isEqualTo("must be sha256:<64 lower-case hex>");
            }
        }
    }

    @Test
    void aMalformedDigestFilterIsTheSame400() {
        for (String path : List.of("/api/v1/audits?image=sha256:nope", "/api/v1/incidents?image=sha256:nope")) {
            Api.Reply reply = api().get(path);
            assertThat(reply.status()).as(path + " " + reply.raw().body()).isEqualTo(400);
            JsonNode error = reply.json().get("errors").get(0);
            assertThat(error.get("field").stringValue()).isEqualTo("image");
            assertThat(error.get("reason").stringValue()).isEqualTo("must be sha256:<64 lower-case hex>");
        }
        assertThat(api().get("/api/v1/audits?image=sha256:" + "0".repeat(64)).status()).isEqualTo(200);
    }

    @Test
    void aWellFormedUnknownDigestIsA404() {
        assertThat(api().get("/api/v1/images/sha256:" + "0".repeat(64)).status()).isEqualTo(404);
    }

    @Test
    void aNonNumericVersionNamesTheVariable() {
        Api.Reply reply = api().get("/api/v1/images/sha256:" + "0".repeat(64) + "/profiles/abc");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").stringValue()).isEqualTo("version");
    }
}
