package io.habitus.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SecurityTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiCallsWithoutATokenGet401Problems() {
        Api.Reply reply = api(null).get("/api/v1/images");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().get("type").stringValue()).endsWith("/unauthenticated");
    }

    @Test
    void anUnknownTokenGets401() {
        assertThat(api("hab_not-a-real-token").get("/api/v1/images").status()).isEqualTo(401);
        assertThat(api("hab_not-a-real-token").post("/api/v1/events", "{}").status()).isEqualTo(401);
    }

    @Test
    void anIssuedTokenIsShownOnceAndStoredOnlyAsAHash() {
        Api.Reply created = api().post("/api/v1/tokens", Api.json(Map.of("name", "agents-eu", "role", "AGENT")));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("token").get("id").stringValue();
        String secret = created.json().get("secret").stringValue();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tokens/" + id);
        assertThat(secret).startsWith("hab_").hasSizeGreaterThan(40);

        assertThat(api().get("/api/v1/tokens").raw().body()).contains(id).doesNotContain(secret);
        assertThat(api().get("/api/v1/tokens/" + id).json().get("role").stringValue()).isEqualTo("AGENT");
        String stored = jdbc.sql("select secret_hash from security_api_token where id = ?::uuid").param(id)
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(secret).hasSize(64);
    }

    @Test
    void everyRoleCanAskWhoItsTokenBelongsTo() {
        Api.Reply agent = api(issue("AGENT")).get("/api/v1/caller");
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.json().get("role").stringValue()).isEqualTo("AGENT");
        assertThat(agent.json().get("scope").isNull()).isTrue();
        assertThat(api(issue("ANALYST")).get("/api/v1/caller").json().get("role").stringValue()).isEqualTo("ANALYST");
        assertThat(api().get("/api/v1/caller").json().get("name").stringValue()).isEqualTo("bootstrap-admin");
        assertThat(api(null).get("/api/v1/caller").status()).isEqualTo(401);
    }

    @Test
    void agentsIngestButCannotReadOrManageTokens() {
        String agent = issue("AGENT");
        String digest = Events.newDigest();
        Api.Reply ingest = api(agent).post("/api/v1/events", Api.json(Events.batch(Events.newId("sec"),
                Events.mixed(digest, Events.newId("c"), "node-a", 4))));
        assertThat(ingest.status()).isEqualTo(200);

        Api.Reply read = api(agent).get("/api/v1/images/" + digest);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.json().get("type").stringValue()).endsWith("/forbidden");
        assertThat(api(agent).get("/api/v1/tokens").status()).isEqualTo(403);
    }

    @Test
    void analystsReadButCannotIngestOrManageTokens() {
        String analyst = issue("ANALYST");
        assertThat(api(analyst).get("/api/v1/images").status()).isEqualTo(200);
        Api.Reply ingest = api(analyst).post("/api/v1/events", Api.json(Events.batch(Events.newId("sec"),
                Events.mixed(Events.newDigest(), Events.newId("c"), "node-a", 1))));
        assertThat(ingest.status()).isEqualTo(403);
        assertThat(api(analyst).post("/api/v1/tokens", Api.json(Map.of("name", "x", "role", "ADMIN"))).status())
                .isEqualTo(403);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        Api.Reply created = api().post("/api/v1/tokens", Api.json(Map.of("name", "short-lived", "role", "ANALYST")));
        String id = created.json().get("token").get("id").stringValue();
        String secret = created.json().get("secret").stringValue();
        assertThat(api(secret).get("/api/v1/images").status()).isEqualTo(200);

        JsonNode revoked = api().delete("/api/v1/tokens/" + id).json();

        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(api(secret).get("/api/v1/images").status()).isEqualTo(401);
    }

    @Test
    void tokenRequestsAreValidated() {
        Api.Reply reply = api().post("/api/v1/tokens", Api.json(Map.of("name", "", "role", "ROOT")));
        assertThat(reply.status()).isEqualTo(400);
        Api.Reply blankName = api().post("/api/v1/tokens", Api.json(Map.of("name", " ", "role", "AGENT")));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.json().get("errors").get(0).get("field").stringValue()).isEqualTo("name");
        Api.Reply noRole = api().post("/api/v1/tokens", Api.json(Map.of("name", "x")));
        assertThat(noRole.json().get("errors").get(0).get("field").stringValue()).isEqualTo("role");
        assertThat(api().get("/api/v1/tokens/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/tokens/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void healthMetricsAndTheApiDocumentNeedNoToken() {
        assertThat(api(null).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api(null).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api(null).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api(null).get("/v3/api-docs").status()).isEqualTo(200);
    }

    private String issue(String role) {
        return api().post("/api/v1/tokens", Api.json(Map.of("name", "test-" + role, "role", role)))
                .json().get("secret").stringValue();
    }
}
