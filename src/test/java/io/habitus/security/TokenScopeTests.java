package io.habitus.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tokens scoped to namespaces, clusters and event endpoints: shown in listings, enforced on /events and /score. */
class TokenScopeTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScopeIsStoredAndShownInTheListingAndUnscopedTokensShowNull() {
        Api.Reply created = issue("web-agents", Map.of("namespaces", List.of("web", "shop"), "clusters", List.of("prod-eu"),
                "operations", List.of("INGEST")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().get("token").get("id").stringValue();
        Api.Reply plain = api().post("/api/v1/tokens", Api.json(Map.of("name", "plain", "role", "AGENT")));

        JsonNode listed = listed(id);
        assertThat(listed.get("scope").get("namespaces").toString()).isEqualTo("[\"web\",\"shop\"]");
        assertThat(listed.get("scope").get("clusters").toString()).isEqualTo("[\"prod-eu\"]");
        assertThat(listed.get("scope").get("operations").toString()).isEqualTo("[\"INGEST\"]");
        assertThat(listed(plain.json().get("token").get("id").stringValue()).get("scope").isNull()).isTrue();
        assertThat(api().get("/api/v1/tokens/" + id).json().get("scope").get("namespaces").size()).isEqualTo(2);
    }

    @Test
    void emptyOrMalformedScopesAreRefused() {
        assertThat(issue("empty", Map.of("namespaces", List.of())).status()).isEqualTo(400);
        assertThat(issue("upper", Map.of("namespaces", List.of("Web"))).status()).isEqualTo(400);
        assertThat(issue("spaces", Map.of("clusters", List.of("prod eu"))).status()).isEqualTo(400);
        assertThat(issue("verb", Map.of("operations", List.of("READ"))).status()).isEqualTo(400);
    }

    @Test
    void aBatchWithAnEventOutsideTheNamespacesIsRefusedWholeAndStoresNothing() {
        String agent = secret(issue("web-only", Map.of("namespaces", List.of("web"))));
        String digest = Events.newDigest();
        String batchId = Events.newId("scoped");
        Map<String, Object> outside = in(Events.exec(digest, "c-1", "node-a", "/bin/sh"), "kube-system", "prod-eu");
        List<Map<String, Object>> events = List.of(Events.exec(digest, "c-1", "node-a", "/usr/sbin/nginx"), outside);

        Api.Reply refused = api(agent).post("/api/v1/events", Api.json(Events.batch(batchId, events)));

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").stringValue()).endsWith("/forbidden");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("index").intValue()).isEqualTo(1);
        assertThat(error.get("field").stringValue()).isEqualTo("container.namespace");
        assertThat(jdbc.sql("select count(*) from ingest_batch where batch_id = ?").param(batchId).query(Long.class).single())
                .isZero();

        Api.Reply inside = api(agent).post("/api/v1/events", Api.json(Events.batch(batchId, events.subList(0, 1))));
        assertThat(inside.status()).as("the batch id stays free for the corrected retry").isEqualTo(200);
        assertThat(inside.json().get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void clustersAreEnforcedAndAnEventWithoutOneIsOutside() {
        String agent = secret(issue("eu-only", Map.of("clusters", List.of("prod-eu"))));
        String digest = Events.newDigest();
        Map<String, Object> noCluster = Events.exec(digest, "c-2", "node-a", "/usr/sbin/nginx");
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) noCluster.get("container");
        container.remove("cluster");

        assertThat(api(agent).post("/api/v1/events", Api.json(Events.batch(Events.newId("eu"),
                List.of(in(Events.exec(digest, "c-2", "node-a", "/usr/sbin/nginx"), "web", "prod-us"))))).status())
                .isEqualTo(403);
        Api.Reply missing = api(agent).post("/api/v1/events", Api.json(Events.batch(Events.newId("eu"), List.of(noCluster))));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().get("errors").get(0).get("field").stringValue()).isEqualTo("container.cluster");
        assertThat(api(agent).post("/api/v1/events", Api.json(Events.batch(Events.newId("eu"),
                List.of(Events.exec(digest, "c-2", "node-a", "/usr/sbin/nginx"))))).status()).isEqualTo(200);
    }

    @Test
    void scoreIsHeldToTheScopeToo() {
        String agent = secret(issue("web-scorer", Map.of("namespaces", List.of("web"))));
        String digest = Events.newDigest();
        Map<String, Object> inside = Events.exec(digest, "c-3", "node-a", "/usr/sbin/nginx");
        Map<String, Object> outside = in(Events.exec(digest, "c-4", "node-a", "/usr/sbin/nginx"), "db", "prod-eu");

        assertThat(api(agent).post("/api/v1/score", Api.json(Map.of("events", List.of(inside)))).status()).isEqualTo(200);
        Api.Reply refused = api(agent).post("/api/v1/score?commit=true", Api.json(Map.of("events", List.of(inside, outside))));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).get("index").intValue()).isEqualTo(1);
        assertThat(api(agent).post("/api/v1/score", Api.json(Map.of("events", List.of(inside), "priorEvents",
                List.of(outside)))).status()).as("prior events too").isEqualTo(403);
    }

    @Test
    void operationsSeparateIngestFromScore() {
        String ingestOnly = secret(issue("ingest-only", Map.of("operations", List.of("INGEST"))));
        String scoreOnly = secret(issue("score-only", Map.of("operations", List.of("SCORE"))));
        String digest = Events.newDigest();
        String batch = Api.json(Events.batch(Events.newId("ops"), List.of(Events.exec(digest, "c-5", "node-a", "/bin/true"))));
        String score = Api.json(Map.of("events", List.of(Events.exec(digest, "c-5", "node-a", "/bin/true"))));

        assertThat(api(ingestOnly).post("/api/v1/events", batch).status()).isEqualTo(200);
        assertThat(api(ingestOnly).post("/api/v1/score", score).status()).isEqualTo(403);
        assertThat(api(scoreOnly).post("/api/v1/events", batch).status()).isEqualTo(403);
        assertThat(api(scoreOnly).post("/api/v1/score?commit=false", score).status()).isEqualTo(200);
        assertThat(api(scoreOnly).post("/api/v1/score?commit=true", score).status())
                .as("a committed score stores events: it needs INGEST as well").isEqualTo(403);
    }

    private Api.Reply issue(String name, Map<String, Object> scope) {
        return api().post("/api/v1/tokens", Api.json(Map.of("name", name, "role", "AGENT", "scope", scope)));
    }

    private static String secret(Api.Reply issued) {
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        return issued.json().get("secret").stringValue();
    }

    private JsonNode listed(String id) {
        for (JsonNode token : api().get("/api/v1/tokens").json()) {
            if (token.get("id").stringValue().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " is not listed");
    }

    private static Map<String, Object> in(Map<String, Object> event, String namespace, String cluster) {
        @SuppressWarnings("unchecked")
        Map<String, Object> container = new LinkedHashMap<>((Map<String, Object>) event.get("container"));
        container.put("namespace", namespace);
        container.put("cluster", cluster);
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put("container", container);
        return copy;
    }
}
