package io.habitus.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile versions exported for enforcement: the SeccompProfile validates against the Security
 * Profiles Operator's CRD schema, the OCI filter against the runtime specification's schema, and
 * Kubescape's documents have the fields of Kubescape's Go types (src/test/resources/schemas).
 */
class ProfileExportTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSeccompProfileValidatesAgainstTheOperatorsCrdSchemaAndAllowsTheProfilesCallsByName() {
        String digest = imageWithProfile(rules());

        Api.Reply reply = api().get(exports(digest) + "/seccomp-profile");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode document = reply.json();
        assertThat(violations("spo-seccompprofile-v1beta1.json", Dialects.getOpenApi30(), document)).isEmpty();
        assertThat(document.get("apiVersion").stringValue()).isEqualTo("security-profiles-operator.x-k8s.io/v1beta1");
        assertThat(document.get("kind").stringValue()).isEqualTo("SeccompProfile");
        JsonNode spec = document.get("spec");
        assertThat(spec.get("defaultAction").stringValue()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(texts(spec.get("architectures"))).containsExactly("SCMP_ARCH_X86_64");
        assertThat(spec.get("syscalls")).hasSize(1);
        assertThat(spec.get("syscalls").get(0).get("action").stringValue()).isEqualTo("SCMP_ACT_ALLOW");
        assertThat(texts(spec.get("syscalls").get(0).get("names")))
                .as("named calls, and #59 and #1 named by the x86_64 table").containsExactly("epoll_wait", "execve", "read", "write");
        JsonNode metadata = document.get("metadata");
        assertThat(metadata.get("name").stringValue()).isEqualTo("habitus-nginx-" + digest.substring(7, 19) + "-v1");
        assertThat(metadata.get("annotations").get("habitus.io/image-digest").stringValue()).isEqualTo(digest);
        assertThat(metadata.get("annotations").get("habitus.io/profile-version").stringValue()).isEqualTo("1");
        assertThat(metadata.get("annotations").get("habitus.io/omitted").stringValue())
                .isEqualTo("syscall #999: no x86_64 system call has this number");
    }

    @Test
    void theSchemaCheckRefusesWhatTheOperatorWouldRefuse() {
        ObjectNode broken = (ObjectNode) api().get(exports(imageWithProfile(rules())) + "/seccomp-profile").json();
        ((ObjectNode) broken.get("spec")).put("defaultAction", "SCMP_ACT_MAYBE");
        ((ObjectNode) broken.get("spec")).put("defaultaction", "SCMP_ACT_ERRNO");

        assertThat(violations("spo-seccompprofile-v1beta1.json", Dialects.getOpenApi30(), broken))
                .anyMatch(v -> v.contains("SCMP_ACT_MAYBE") || v.contains("enum"))
                .anyMatch(v -> v.contains("defaultaction"));
    }

    @Test
    void theOciFilterValidatesAgainstTheRuntimeSpecificationAndLogModeAllowsAndLogsTheRest() {
        String digest = imageWithProfile(rules());

        JsonNode enforce = api().get(exports(digest) + "/oci-seccomp").json();
        JsonNode log = api().get(exports(digest) + "/oci-seccomp?mode=LOG").json();

        assertThat(violations("oci-linux-seccomp.json", Dialects.getDraft4(), enforce)).isEmpty();
        assertThat(violations("oci-linux-seccomp.json", Dialects.getDraft4(), log)).isEmpty();
        assertThat(enforce.get("defaultAction").stringValue()).isEqualTo("SCMP_ACT_ERRNO");
        assertThat(log.get("defaultAction").stringValue()).isEqualTo("SCMP_ACT_LOG");
        assertThat(log.get("syscalls")).isEqualTo(enforce.get("syscalls"));
    }

    @Test
    void enforcingIsRefusedWhenTheProfileCannotHaveSeenEveryCallAndLogModeStillAnswers() {
        String withoutSyscalls = imageWithProfile(List.of(rule("PROCESS", "/usr/sbin/nginx <- /usr/sbin/nginx")));
        String withoutExecve = imageWithProfile(List.of(rule("PROCESS", "/usr/sbin/nginx <- /usr/sbin/nginx"),
                rule("SYSCALL", "setuid")));

        Api.Reply none = api().get(exports(withoutSyscalls) + "/seccomp-profile");
        Api.Reply partial = api().get(exports(withoutExecve) + "/oci-seccomp");
        Api.Reply logged = api().get(exports(withoutSyscalls) + "/seccomp-profile?mode=LOG");

        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").stringValue()).contains("no system call rules", "mode=log");
        assertThat(partial.status()).isEqualTo(409);
        assertThat(partial.json().get("detail").stringValue()).contains("not execve");
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.json().get("spec").get("defaultAction").stringValue()).isEqualTo("SCMP_ACT_LOG");
        assertThat(logged.json().get("spec").get("syscalls")).isEmpty();
        assertThat(violations("spo-seccompprofile-v1beta1.json", Dialects.getOpenApi30(), logged.json())).isEmpty();
    }

    @Test
    void theApplicationProfileListsExecutablesFilesAndCallsInKubescapesShape() {
        String digest = imageWithProfile(rules());

        JsonNode document = api().get(exports(digest) + "/application-profile?name=web-frontend").json();

        assertThat(document.get("apiVersion").stringValue()).isEqualTo("spdx.softwarecomposition.kubescape.io/v1beta1");
        assertThat(document.get("kind").stringValue()).isEqualTo("ApplicationProfile");
        assertThat(document.get("metadata").get("name").stringValue()).isEqualTo("web-frontend");
        assertThat(fieldsOutsideKubescapesTypes(document)).isEmpty();
        JsonNode container = document.get("spec").get("containers").get(0);
        assertThat(container.get("name").stringValue()).isEqualTo("nginx");
        assertThat(container.get("imageID").stringValue()).isEqualTo(digest);
        assertThat(container.get("imageTag").stringValue()).isEqualTo("nginx:1.27");
        assertThat(container.get("execs").findValuesAsString("path"))
                .containsExactly("/bin/sh", "/usr/lib/postgresql/\u22ef/bin/postgres", "/usr/sbin/nginx");
        Map<String, List<String>> opens = new LinkedHashMap<>();
        container.get("opens").forEach(open -> opens.put(open.get("path").stringValue(), texts(open.get("flags"))));
        assertThat(opens).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/etc/nginx/nginx.conf", List.of("O_RDONLY"),
                "/proc/\u22ef/status", List.of("O_RDONLY"),
                "/var/cache/nginx/*", List.of("O_RDONLY"),
                "/var/log/nginx/access.log", List.of("O_RDONLY", "O_WRONLY")));
        assertThat(texts(container.get("syscalls"))).containsExactly("epoll_wait", "execve", "read", "write");
        assertThat(container.get("capabilities")).isEmpty();
        assertThat(container.get("endpoints")).isEmpty();
    }

    @Test
    void theNetworkNeighborhoodHasTheInboundAndOutboundPortsAndSaysWhatItLeftOut() {
        String digest = imageWithProfile(rules());

        JsonNode document = api().get(exports(digest) + "/network-neighborhood").json();

        assertThat(document.get("kind").stringValue()).isEqualTo("NetworkNeighborhood");
        assertThat(fieldsOutsideKubescapesTypes(document)).isEmpty();
        JsonNode container = document.get("spec").get("containers").get(0);
        assertThat(container.get("ingress").get(0).get("ports").findValuesAsString("name")).containsExactly("TCP-80");
        assertThat(container.get("egress").get(0).get("ports").findValuesAsString("name"))
                .as("ip/443 from Tetragon's sockaddr: TCP or UDP").containsExactly("TCP-443", "TCP-5432", "UDP-443");
        assertThat(texts(container.get("egress").get(0).get("ipAddresses"))).containsExactly("*");
        assertThat(document.get("metadata").get("annotations").get("habitus.io/omitted").stringValue())
                .isEqualTo("connect tcp/ephemeral: a port range, which a NetworkNeighborhood cannot state");
    }

    @Test
    void unknownVersionsModesAndNamesAreProblems() {
        String digest = imageWithProfile(rules());

        assertThat(api().get("/api/v1/images/" + digest + "/profiles/9/exports/seccomp-profile").status()).isEqualTo(404);
        assertThat(api().get(exports(digest) + "/oci-seccomp?mode=KILL").status()).isEqualTo(400);
        assertThat(api().get(exports(digest) + "/application-profile?name=Not_A_Name").status()).isEqualTo(400);
    }

    private String imageWithProfile(List<Map<String, Object>> entries) {
        String digest = Events.newDigest();
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("export"),
                List.of(Events.exec(digest, Events.newId("c"), "node-a", "/usr/sbin/nginx")))));
        Api.Reply imported = api().post("/api/v1/images/" + digest + "/profiles",
                Api.json(Map.of("source", "IMPORT", "profile", Map.of("entries", entries))));
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        return digest;
    }

    private static List<Map<String, Object>> rules() {
        return List.of(
                rule("PROCESS", "/usr/sbin/nginx <- /usr/sbin/nginx"), rule("PROCESS", "/bin/sh <- /usr/sbin/nginx"),
                rule("PROCESS", "/usr/lib/postgresql/*/bin/postgres <- ?"),
                rule("FILE_READ", "/etc/nginx/nginx.conf"), rule("FILE_READ", "/proc/*/status"),
                rule("FILE_READ", "/var/cache/nginx/**"), rule("FILE_READ", "/var/log/nginx/access.log"),
                rule("FILE_WRITE", "/var/log/nginx/access.log"),
                rule("CONNECT", "tcp/5432"), rule("CONNECT", "ip/443"), rule("CONNECT", "tcp/ephemeral"),
                rule("ACCEPT", "tcp/80"), rule("LISTEN", "tcp/80"),
                rule("SYSCALL", "read"), rule("SYSCALL", "epoll_wait"), rule("SYSCALL", "#59"), rule("SYSCALL", "#1"),
                rule("SYSCALL", "#999"));
    }

    private static Map<String, Object> rule(String kind, String pattern) {
        return Map.of("kind", kind, "pattern", pattern);
    }

    private static String exports(String digest) {
        return "/api/v1/images/" + digest + "/profiles/1/exports";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.stringValue()));
        return texts;
    }

    /**
     * JSON Schema errors, and fields the schema does not have: Kubernetes prunes those from a
     * structural schema's objects silently, so a misspelt field would be lost without an error.
     */
    private static List<String> violations(String schemaFile, com.networknt.schema.dialect.Dialect dialect, JsonNode document) {
        JsonNode schemaNode = JSON.readTree(resource(schemaFile));
        Schema schema = SchemaRegistry.withDialect(dialect).getSchema(JSON.writeValueAsString(schemaNode));
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            violations.add(error.getInstanceLocation() + " " + error.getMessage());
        }
        pruned(schemaNode, schemaNode, document, "", violations);
        return violations;
    }

    private static void pruned(JsonNode root, JsonNode schema, JsonNode value, String at, List<String> violations) {
        if (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").stringValue().substring(1));
        }
        if (value.isObject() && schema.has("properties")) {
            for (String field : value.propertyNames()) {
                JsonNode property = schema.get("properties").get(field);
                if (property == null) {
                    violations.add(at + "/" + field + " is not in the schema (Kubernetes would prune it)");
                } else {
                    pruned(root, property, value.get(field), at + "/" + field, violations);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                pruned(root, schema.get("items"), value.get(i), at + "/" + i, violations);
            }
        }
    }

    /** Field names of kubescape/storage's Go types (pkg/apis/softwarecomposition/v1beta1), by JSON path shape. */
    private static final Map<String, Set<String>> KUBESCAPE_FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec", "status"),
            "metadata", Set.of("name", "namespace", "labels", "annotations"),
            "spec", Set.of("architectures", "containers", "initContainers", "ephemeralContainers"),
            "container", Set.of("name", "capabilities", "execs", "opens", "syscalls", "seccompProfile", "endpoints",
                    "imageID", "imageTag", "rulePolicies", "identifiedCallStacks", "ingress", "egress"),
            "execs", Set.of("path", "args", "envs", "argsRequired"),
            "opens", Set.of("path", "flags"),
            "neighbor", Set.of("identifier", "type", "dns", "dnsNames", "ports", "podSelector", "namespaceSelector",
                    "ipAddress", "ipAddresses"),
            "ports", Set.of("name", "protocol", "port"));

    private static List<String> fieldsOutsideKubescapesTypes(JsonNode document) {
        List<String> outside = new ArrayList<>();
        check(document, "", outside);
        check(document.get("metadata"), "metadata", outside);
        check(document.get("spec"), "spec", outside);
        for (JsonNode container : document.get("spec").get("containers")) {
            check(container, "container", outside);
            container.path("execs").forEach(exec -> check(exec, "execs", outside));
            container.path("opens").forEach(open -> check(open, "opens", outside));
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode neighbor : container.path(direction)) {
                    check(neighbor, "neighbor", outside);
                    neighbor.get("ports").forEach(port -> check(port, "ports", outside));
                }
            }
        }
        return outside;
    }

    private static void check(JsonNode object, String shape, List<String> outside) {
        for (String field : object.propertyNames()) {
            if (!KUBESCAPE_FIELDS.get(shape).contains(field)) {
                outside.add(shape + "." + field);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = ProfileExportTests.class.getResourceAsStream("/schemas/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
