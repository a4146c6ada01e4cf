package io.habitus.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Learning → profile → judging → audit → allow, through the public API. */
class ProfileLifecycleTests extends IntegrationTest {

    private static final String NGINX = "/usr/sbin/nginx";

    @Test
    void twoContainersOnTwoNodesLearnOneGeneralisedProfile() {
        String digest = Events.newDigest();
        String a = Events.newId("a");
        String b = Events.newId("b");
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(Events.exec(digest, a, "node-a", NGINX));
        events.add(Events.exec(digest, b, "node-b", NGINX));
        events.add(Events.fileRead(digest, a, "node-a", "/proc/1234/status"));
        events.add(Events.fileRead(digest, b, "node-b", "/proc/99/status"));
        events.add(Events.fileRead(digest, a, "node-a", "/etc/nginx/nginx.conf"));
        events.add(Events.fileRead(digest, b, "node-b", "/etc/nginx/nginx.conf"));
        for (int i = 0; i < 200; i++) {
            events.add(Events.fileRead(digest, i % 2 == 0 ? a : b, i % 2 == 0 ? "node-a" : "node-b",
                    "/var/cache/app/entry-" + (char) ('a' + i % 26) + (char) ('a' + i / 26)));
        }
        ingest(events);

        JsonNode progress = learning(digest, "FINISH");
        assertThat(progress.get("learning").booleanValue()).isFalse();

        JsonNode profile = api().get("/api/v1/images/" + digest + "/profiles/1").json();
        assertThat(profile.get("profile").get("active").booleanValue()).isTrue();
        assertThat(profile.get("profile").get("source").stringValue()).isEqualTo("LEARNED");
        JsonNode proc = entry(profile, "FILE_READ", "/proc/*/status");
        assertThat(proc.get("containers").intValue()).isEqualTo(2);
        assertThat(proc.get("nodes").intValue()).isEqualTo(2);
        assertThat(proc.get("count").longValue()).isEqualTo(2);
        assertThat(proc.get("examples").toString()).contains("/proc/1234/status", "/proc/99/status");
        assertThat(entry(profile, "PROCESS", NGINX + " <- " + NGINX).get("nodes").intValue()).isEqualTo(2);
        JsonNode cache = entry(profile, "FILE_READ", "/var/cache/app/**");
        assertThat(cache.get("count").longValue()).isEqualTo(200);
        assertThat(patterns(profile)).noneMatch(p -> p.startsWith("FILE_READ /var/cache/app/entry"));
        assertThat(entry(profile, "FILE_READ", "/etc/nginx/nginx.conf")).isNotNull();

        JsonNode image = api().get("/api/v1/images/" + digest).json();
        assertThat(image.get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(image.get("activeProfileVersion").intValue()).isEqualTo(1);
    }

    @Test
    void anUnlistedBinaryOfAnActiveImageBecomesAViolationAuditAndAListedOneDoesNot() {
        String digest = learned();
        String container = Events.newId("c");

        ingest(List.of(Events.exec(digest, container, "node-a", NGINX)));
        assertThat(audits(digest)).isEmpty();

        Map<String, Object> shell = Events.exec(digest, container, "node-a", "/bin/sh");
        Api.Reply reply = ingest(List.of(shell));
        assertThat(reply.status()).isEqualTo(200);

        List<JsonNode> audits = audits(digest);
        assertThat(audits).hasSize(1);
        JsonNode audit = audits.getFirst();
        JsonNode version = api().get("/api/v1/images/" + digest + "/profiles/1").json().get("profile");
        assertThat(audit.get("verdict").stringValue()).isEqualTo("VIOLATION");
        assertThat(audit.get("ruleKind").stringValue()).isEqualTo("PROCESS");
        assertThat(audit.get("ruleValue").stringValue()).isEqualTo("/bin/sh <- " + NGINX);
        assertThat(audit.get("reason").stringValue()).contains("/bin/sh", NGINX);
        assertThat(audit.get("containerId").stringValue()).isEqualTo(container);
        assertThat(audit.get("node").stringValue()).isEqualTo("node-a");
        assertThat(audit.get("profileVersion").intValue()).isEqualTo(1);
        assertThat(audit.get("profileChecksum").stringValue()).isEqualTo(version.get("checksum").stringValue());
        assertThat(audit.get("event").get("process").get("exe").stringValue()).isEqualTo("/bin/sh");
    }

    @Test
    void repeatedIdenticalDeviationsOfOneContainerCountOnOneAudit() {
        String digest = learned();
        String container = Events.newId("c");
        ingest(List.of(Events.fileRead(digest, container, "node-a", "/etc/shadow"),
                Events.fileRead(digest, container, "node-a", "/etc/shadow")));
        ingest(List.of(Events.fileRead(digest, container, "node-a", "/etc/shadow")));
        ingest(List.of(Events.fileRead(digest, Events.newId("other"), "node-a", "/etc/shadow")));

        List<JsonNode> audits = audits(digest);
        assertThat(audits).hasSize(2);
        JsonNode repeated = audits.stream().filter(a -> a.get("containerId").stringValue().equals(container)).findFirst().orElseThrow();
        assertThat(repeated.get("occurrences").longValue()).isEqualTo(3);
    }

    @Test
    void anEditMakesANewVersionTheDiffShowsExactlyTheEditAndRollbackRestoresTheOldRules() {
        String digest = learned();
        Api.Reply v1 = api().get("/api/v1/images/" + digest + "/profiles/1");
        String etag = v1.header("ETag");

        Api.Reply edited = patch(digest, 1, etag, Map.of(
                "add", List.of(Map.of("kind", "PROCESS", "pattern", "/usr/bin/curl <- " + NGINX, "reason", "health probe")),
                "remove", List.of(Map.of("kind", "FILE_READ", "pattern", "/etc/nginx/nginx.conf")),
                "comment", "probe"));
        assertThat(edited.status()).isEqualTo(201);
        assertThat(edited.header("Location")).endsWith("/profiles/2");
        JsonNode v2 = edited.json().get("profile");
        assertThat(v2.get("version").intValue()).isEqualTo(2);
        assertThat(v2.get("basedOn").intValue()).isEqualTo(1);
        assertThat(v2.get("active").booleanValue()).isTrue();
        assertThat(v2.get("checksum").stringValue()).isNotEqualTo(v1.json().get("profile").get("checksum").stringValue());
        JsonNode curl = entry(edited.json(), "PROCESS", "/usr/bin/curl <- " + NGINX);
        assertThat(curl.get("origin").stringValue()).isEqualTo("MANUAL");
        assertThat(curl.get("addedBy").stringValue()).isEqualTo("bootstrap-admin");
        assertThat(curl.get("reason").stringValue()).isEqualTo("health probe");

        JsonNode diff = api().get("/api/v1/images/" + digest + "/profiles/1/diff/2").json();
        assertThat(diff.get("added")).hasSize(1);
        assertThat(diff.get("added").get(0).get("pattern").stringValue()).isEqualTo("/usr/bin/curl <- " + NGINX);
        assertThat(diff.get("removed")).hasSize(1);
        assertThat(diff.get("removed").get(0).get("pattern").stringValue()).isEqualTo("/etc/nginx/nginx.conf");

        String container = Events.newId("c");
        ingest(List.of(Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf")));
        assertThat(audits(digest)).extracting(a -> a.get("ruleValue").stringValue()).containsExactly("/etc/nginx/nginx.conf");

        Api.Reply rollback = api().post("/api/v1/images/" + digest + "/profiles/1/activate", "");
        assertThat(rollback.status()).isEqualTo(200);
        assertThat(rollback.json().get("active").booleanValue()).isTrue();
        ingest(List.of(Events.fileRead(digest, Events.newId("c"), "node-a", "/etc/nginx/nginx.conf")));
        ingest(List.of(Events.exec(digest, Events.newId("c"), "node-a", "/usr/bin/curl")));
        List<JsonNode> after = audits(digest);
        assertThat(after).hasSize(2);
        assertThat(after.getFirst().get("ruleValue").stringValue()).isEqualTo("/usr/bin/curl <- " + NGINX);
        assertThat(after.getFirst().get("profileVersion").intValue()).isEqualTo(1);

        Api.Reply stale = patch(digest, 1, etag, Map.of("add", List.of(Map.of("kind", "SYSCALL", "pattern", "ptrace"))));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        Api.Reply missing = patch(digest, 2, null, Map.of("add", List.of(Map.of("kind", "SYSCALL", "pattern", "ptrace"))));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(versions(digest)).isEqualTo(2);
    }

    @Test
    void anAllowedAuditBecomesAManualRuleOfANewActiveVersion() {
        String digest = learned();
        String container = Events.newId("c");
        ingest(List.of(Events.exec(digest, container, "node-a", "/usr/bin/tar")));
        JsonNode audit = audits(digest).getFirst();

        Api.Reply allowed = api().post("/api/v1/audits/" + audit.get("id").longValue() + "/allow",
                Api.json(Map.of("reason", "nightly backup")));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("status").stringValue()).isEqualTo("ALLOWED");
        assertThat(allowed.json().get("resolvedBy").stringValue()).isEqualTo("bootstrap-admin");
        assertThat(allowed.json().get("allowedInVersion").intValue()).isEqualTo(2);
        JsonNode v2 = api().get("/api/v1/images/" + digest + "/profiles/2").json();
        assertThat(v2.get("profile").get("source").stringValue()).isEqualTo("ALLOWED");
        assertThat(entry(v2, "PROCESS", "/usr/bin/tar <- " + NGINX).get("reason").stringValue()).isEqualTo("nightly backup");

        ingest(List.of(Events.exec(digest, Events.newId("c"), "node-a", "/usr/bin/tar")));
        assertThat(audits(digest)).hasSize(1);
        assertThat(api().post("/api/v1/audits/" + audit.get("id").longValue() + "/allow", "{}").status()).isEqualTo(409);
    }

    @Test
    void auditsFilterByImageContainerVerdictAndTimeWithCursorPagination() {
        String digest = learned();
        String container = Events.newId("c");
        List<Map<String, Object>> deviations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deviations.add(Events.fileRead(digest, container, "node-a", "/srv/secret-" + (char) ('a' + i)));
        }
        ingest(deviations);
        ingest(List.of(Events.fileRead(digest, Events.newId("other"), "node-a", "/srv/other")));

        String base = "/api/v1/audits?image=" + digest + "&container=" + container + "&verdict=VIOLATION&limit=2";
        JsonNode first = api().get(base).json();
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = api().get(base + "&cursor=" + first.get("nextCursor").stringValue()).json();
        JsonNode third = api().get(base + "&cursor=" + second.get("nextCursor").stringValue()).json();
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
        List<Long> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(a -> ids.add(a.get("id").longValue()));
        }
        assertThat(ids).hasSize(5).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();

        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(api().get("/api/v1/audits?image=" + digest + "&from=" + future).json().get("items")).isEmpty();
        assertThat(api().get("/api/v1/audits?image=" + digest + "&verdict=ANOMALOUS").json().get("items")).isEmpty();
        assertThat(api().get("/api/v1/audits?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void aProfileExportedFromOneImageImportsOntoAnother() {
        String source = learned();
        JsonNode exported = api().get("/api/v1/images/" + source + "/profiles/1").json();
        String target = Events.newDigest();
        ingest(List.of(Events.exec(target, Events.newId("c"), "node-a", NGINX)));

        Api.Reply imported = api().post("/api/v1/images/" + target + "/profiles",
                Api.json(Map.of("source", "IMPORT", "profile", exported, "activate", true)));

        assertThat(imported.status()).isEqualTo(201);
        JsonNode copy = imported.json();
        assertThat(copy.get("profile").get("source").stringValue()).isEqualTo("IMPORTED");
        assertThat(copy.get("profile").get("checksum").stringValue()).isEqualTo(exported.get("profile").get("checksum").stringValue());
        assertThat(copy.get("entries")).hasSize(exported.get("entries").size());
        assertThat(api().get("/api/v1/images/" + target).json().get("status").stringValue()).isEqualTo("ACTIVE");

        String tampered = Api.json(Map.of("source", "IMPORT", "activate", true, "profile", Map.of(
                "profile", Map.of("checksum", "0".repeat(64)),
                "entries", List.of(Map.of("kind", "SYSCALL", "pattern", "ptrace")))));
        assertThat(api().post("/api/v1/images/" + target + "/profiles", tampered).status()).isEqualTo(400);
        assertThat(versions(target)).isEqualTo(1);
    }

    @Test
    void relearningKeepsJudgingWithTheCurrentProfileUntilTheNewOneIsActive() {
        String digest = learned();
        JsonNode relearn = learning(digest, "RELEARN");
        assertThat(relearn.get("learning").booleanValue()).isTrue();
        assertThat(relearn.get("relearning").booleanValue()).isTrue();
        assertThat(relearn.get("windowNo").intValue()).isEqualTo(2);

        String container = Events.newId("c");
        ingest(List.of(Events.exec(digest, container, "node-a", NGINX), Events.exec(digest, container, "node-a", "/usr/bin/python3")));
        assertThat(audits(digest)).extracting(a -> a.get("ruleValue").stringValue()).containsExactly("/usr/bin/python3 <- " + NGINX);

        learning(digest, "FINISH");
        JsonNode v2 = api().get("/api/v1/images/" + digest + "/profiles/2").json();
        assertThat(v2.get("profile").get("active").booleanValue()).isTrue();
        assertThat(v2.get("profile").get("windowNo").intValue()).isEqualTo(2);
        assertThat(entry(v2, "PROCESS", "/usr/bin/python3 <- " + NGINX)).isNotNull();
    }

    @Test
    void aWindowFedByAnAgentThatDroppedEventsIsPartial() {
        String digest = Events.newDigest();
        Map<String, Object> batch = Events.batch(Events.newId("drop"), List.of(Events.exec(digest, Events.newId("c"), "node-a", NGINX)));
        batch.put("agent", Map.of("id", "node-a", "sequence", 9, "dropped", 40));
        api().post("/api/v1/events", Api.json(batch));

        assertThat(api().get("/api/v1/images/" + digest + "/learning").json().get("partial").booleanValue()).isTrue();
        learning(digest, "FINISH");
        assertThat(api().get("/api/v1/images/" + digest + "/profiles/1").json().get("profile").get("partial").booleanValue()).isTrue();
    }

    @Test
    void learningEndsByItselfWhenTheWindowIsCompleteAndStable() throws InterruptedException {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(300);
        Map<String, Object> first = Events.exec(digest, Events.newId("c"), "node-a", NGINX);
        first.put("time", start.minusSeconds(60).toString());
        ingest(List.of(first));
        Api.Reply configured = api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of(
                "action", "CONFIGURE", "window", "PT1M", "stability", "PT30S", "minEvents", 3, "minContainers", 2)));
        assertThat(configured.json().get("complete").booleanValue()).isFalse();

        List<Map<String, Object>> events = new ArrayList<>();
        for (String container : List.of(Events.newId("a"), Events.newId("b"))) {
            for (int minute = 0; minute <= 4; minute++) {
                Map<String, Object> event = Events.exec(digest, container, "node-a", NGINX);
                event.put("time", start.plusSeconds(60L * minute).toString());
                events.add(event);
            }
        }
        ingest(events);

        JsonNode progress = api().get("/api/v1/images/" + digest + "/learning").json();
        assertThat(progress.get("containers").intValue()).isEqualTo(3);
        for (int i = 0; i < 40 && progress.get("learning").booleanValue(); i++) {
            Thread.sleep(250);
            progress = api().get("/api/v1/images/" + digest + "/learning").json();
        }
        assertThat(progress.get("learning").booleanValue()).isFalse();
        assertThat(progress.get("finishReason").stringValue()).isEqualTo("window complete and stable");
        assertThat(api().get("/api/v1/images/" + digest).json().get("status").stringValue()).isEqualTo("ACTIVE");
    }

    @Test
    void badProfileRequestsGetProblemsAndChangeNothing() {
        String digest = learned();
        String unknown = Events.newDigest();
        String etag = api().get("/api/v1/images/" + digest + "/profiles/1").header("ETag");

        assertThat(api().get("/api/v1/images/" + unknown + "/profiles").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/images/" + digest + "/profiles/9").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/images/" + digest + "/profiles/1/diff/9").status()).isEqualTo(404);
        assertThat(api().post("/api/v1/images/" + digest + "/profiles/9/activate", "").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/images/" + digest + "/profiles/zero").status()).isEqualTo(400);
        assertThat(patch(digest, 1, etag, Map.of("add", List.of(Map.of("kind", "TELEPORT", "pattern", "x")))).status()).isEqualTo(400);
        assertThat(patch(digest, 1, etag, Map.of("add", List.of(Map.of("kind", "SYSCALL", "pattern", "")))).status()).isEqualTo(400);
        assertThat(patch(digest, 1, etag, Map.of()).status()).isEqualTo(400);
        assertThat(api().send("PATCH", "/api/v1/images/" + digest + "/profiles/1", "application/json",
                "{\"add\": [".getBytes(), "If-Match", etag).status()).isEqualTo(400);
        assertThat(patch(digest, 1, etag, Map.of("remove", List.of(Map.of("kind", "SYSCALL", "pattern", "ptrace")))).status()).isEqualTo(409);
        assertThat(api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH"))).status()).isEqualTo(409);
        assertThat(api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "SLEEP"))).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/audits/999999999/allow", "{}").status()).isEqualTo(404);

        String analyst = api().post("/api/v1/tokens", Api.json(Map.of("name", "reader", "role", "ANALYST"))).json().get("secret").stringValue();
        assertThat(api(analyst).get("/api/v1/images/" + digest + "/profiles/1").status()).isEqualTo(200);
        assertThat(api(analyst).send("PATCH", "/api/v1/images/" + digest + "/profiles/1", "application/json",
                Api.json(Map.of("add", List.of(Map.of("kind", "SYSCALL", "pattern", "ptrace")))).getBytes(), "If-Match", etag).status())
                .isEqualTo(403);
        assertThat(api(analyst).post("/api/v1/images/" + digest + "/profiles/1/activate", "").status()).isEqualTo(403);

        assertThat(versions(digest)).isEqualTo(1);
    }

    /** An ACTIVE image whose profile allows nginx, started by nginx, and reading its config. */
    private String learned() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        ingest(List.of(Events.exec(digest, container, "node-a", NGINX),
                Events.fileRead(digest, container, "node-a", "/etc/nginx/nginx.conf"),
                Events.connect(digest, container, "node-a", 5432)));
        learning(digest, "FINISH");
        return digest;
    }

    private Api.Reply ingest(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("b"), events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply;
    }

    private JsonNode learning(String digest, String action) {
        Api.Reply reply = api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", action)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json();
    }

    private Api.Reply patch(String digest, int version, String etag, Map<String, Object> body) {
        byte[] json = Api.json(body).getBytes();
        return etag == null
                ? api().send("PATCH", "/api/v1/images/" + digest + "/profiles/" + version, "application/json", json)
                : api().send("PATCH", "/api/v1/images/" + digest + "/profiles/" + version, "application/json", json, "If-Match", etag);
    }

    private List<JsonNode> audits(String digest) {
        List<JsonNode> audits = new ArrayList<>();
        api().get("/api/v1/audits?image=" + digest).json().get("items").forEach(audits::add);
        return audits;
    }

    private int versions(String digest) {
        return api().get("/api/v1/images/" + digest + "/profiles").json().size();
    }

    private static JsonNode entry(JsonNode profile, String kind, String pattern) {
        for (JsonNode e : profile.get("entries")) {
            if (e.get("kind").stringValue().equals(kind) && e.get("pattern").stringValue().equals(pattern)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + kind + " " + pattern + " in " + patterns(profile));
    }

    private static List<String> patterns(JsonNode profile) {
        List<String> patterns = new ArrayList<>();
        profile.get("entries").forEach(e -> patterns.add(e.get("kind").stringValue() + " " + e.get("pattern").stringValue()));
        return patterns;
    }
}
