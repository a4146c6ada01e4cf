package io.habitus.shared.web;

import io.habitus.shared.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents the problem responses every operation can give, so that generated clients know the
 * error shape: 400/401/403/406/503 everywhere under {@code /api}, 404 where a path names a resource,
 * 413/415 where a body is sent. Statuses a controller declares itself (409, 412, 428) get the
 * problem body here too, and 401 and 503 their headers. Runs before {@link ResponseSchemasCustomizer},
 * which needs every response in place.
 */
@Component
@Order(1)
class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                document(path, method, operation);
            }
        }));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "The request is malformed or breaks a constraint; `errors` lists the fields");
        problems.put("401", "No valid bearer token");
        problems.put("406", "The request's Accept header admits no JSON: answers are application/json, problems "
                + "application/problem+json");
        problems.put("403", path.equals("/api/v1/events") || path.equals("/api/v1/score")
                ? "The token's role or scope does not allow this; `errors` lists the events outside its scope"
                : "The token's role does not allow this");
        problems.put("503", "The database is unreachable. Retry after `Retry-After` seconds. `outcome` says whether "
                + "nothing was stored (NOT_STORED) or the connection broke while committing (UNKNOWN: retry unchanged; "
                + "a batch retried with the same batchId is stored once)");
        if (path.contains("{")) {
            problems.put("404", "The named resource does not exist");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            problems.put("413", "The body or one of its lists exceeds a configured limit");
            problems.put("415", "The body is not JSON, its charset is not UTF-8, or its Content-Encoding is not gzip");
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, description) -> responses.putIfAbsent(status, new ApiResponse().description(description)));
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                // A declared error status would otherwise carry the operation's success body.
                response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        responses.get("401").addHeaderObject("WWW-Authenticate", new Header()
                .description("`Bearer realm=\"habitus\"`").schema(new StringSchema()));
        responses.get("503").addHeaderObject("Retry-After", new Header()
                .description("Seconds to wait before retrying").schema(new IntegerSchema().minimum(BigDecimal.ZERO)));
        operation.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("index", new Schema<Integer>().types(new LinkedHashSet<>(List.of("integer", "null")))
                        .description("Position of the offending item in a list; null for the request itself"))
                .addProperty("field", new StringSchema().example("container.imageDigest"))
                .addProperty("reason", new StringSchema().example("must be sha256:<64 lower-case hex>"));
        fieldError.setRequired(List.of("index", "field", "reason"));
        ObjectSchema problem = new ObjectSchema();
        problem.setRequired(List.of("type", "title", "status"));
        return problem
                .description("An RFC 9457 problem document. `type`, `title` and `status` are always present")
                .addProperty("type", new StringSchema().format("uri")
                        ._enum(Arrays.stream(ProblemType.values()).map(type -> type.uri().toString()).toList())
                        .description("Stable; clients may switch on it (titles and details are for people)")
                        .example("https://habitus.io/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("The request is malformed or breaks a constraint"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/events"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Broken constraints, when there are several"))
                .addProperty("outcome", new StringSchema()._enum(List.of("NOT_STORED", "UNKNOWN"))
                        .description("On 503: whether nothing was stored, or the outcome is unknown because the "
                                + "database became unreachable while committing"));
    }
}
