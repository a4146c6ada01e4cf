package io.habitus.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed OpenAPI document as a judge of answers: whether an operation declares the status it
 * answered, the content type it sent and the headers it set, and whether the body is valid against
 * the declared schema (JSON Schema 2020-12 with the OpenAPI 3.1 vocabulary, formats asserted).
 */
final class OpenApiContract {

    static final Path DOCUMENT = Path.of("openapi/habitus.yaml");
    private static final String IRI = "https://habitus.io/openapi/habitus.json";
    /** Headers a client acts on: if the service sends one, the document must say so. */
    private static final List<String> CONTRACT_HEADERS =
            List.of("Location", "ETag", "Retry-After", "WWW-Authenticate", "X-Request-Id");

    /** One answer as the checker sees it. */
    record Answer(int status, String contentType, Map<String, String> headers, String body) {}

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    OpenApiContract(String yaml) {
        this.document = new YAMLMapper().readTree(yaml);
        String asJson = json.writeValueAsString(document);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(IRI, asJson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static OpenApiContract committed() {
        try {
            return new OpenApiContract(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the document, as {@code "GET /api/v1/tokens/{id}"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** What is wrong with this answer of the operation; empty when the document describes it truly. */
    List<String> violations(String method, String template, Answer answer) {
        String operation = method + " " + template;
        List<String> violations = new ArrayList<>();
        JsonNode op = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            return List.of(operation + " is not documented");
        }
        String status = Integer.toString(answer.status());
        JsonNode response = op.path("responses").path(status);
        if (response.isMissingNode()) {
            return List.of(operation + " answered " + status + ", which it does not declare (declared: "
                    + op.path("responses").propertyNames() + "); body: " + abbreviate(answer.body()));
        }
        for (String header : CONTRACT_HEADERS) {
            boolean sent = answer.headers().containsKey(header.toLowerCase(Locale.ROOT));
            boolean declared = response.path("headers").has(header);
            if (sent && !declared) {
                violations.add(operation + " " + status + " sends " + header + " without declaring it");
            } else if (declared && !sent && !header.equals("Retry-After")) {
                violations.add(operation + " " + status + " declares " + header + " but did not send it");
            }
        }
        JsonNode content = response.path("content");
        boolean hasBody = answer.body() != null && !answer.body().isEmpty();
        if (!hasBody) {
            if (!content.isMissingNode() && !content.isEmpty()) {
                violations.add(operation + " " + status + " declares a body but sent none");
            }
            return violations;
        }
        String mediaType = answer.contentType() == null ? "(none)" : answer.contentType().split(";")[0].trim();
        if (!content.has(mediaType)) {
            violations.add(operation + " " + status + " sent " + mediaType + ", declared: " + content.propertyNames());
            return violations;
        }
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (RuntimeException e) {
            violations.add(operation + " " + status + " sent a body that is not JSON: " + abbreviate(answer.body()));
            return violations;
        }
        String pointer = "#/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + p)));
        for (Error error : schema.validate(body)) {
            violations.add(operation + " " + status + ": " + error.getInstanceLocation() + " " + error.getMessage()
                    + " (" + error.getEvaluationPath() + ")");
        }
        return violations;
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
