package io.habitus.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes response schemas say what the service sends, so that a generated client's types are true:
 * <ul>
 *   <li>every property of a schema that only answers carry is {@code required}: Jackson writes every
 *       record component, null ones included, so a field is never absent;</li>
 *   <li>a nullable property ({@link NullableComponentsConverter}) allows null the OpenAPI 3.1 way:
 *       {@code type: "null"} next to a {@code $ref} would demand both, so such a property becomes
 *       {@code anyOf: [$ref, {type: null}]}; a nullable enum lists null among its values too.</li>
 * </ul>
 * Schemas that requests use as well are left without {@code required}: a client may omit optional
 * fields there.
 */
@Component
@Order(2)
class ResponseSchemasCustomizer implements GlobalOpenApiCustomizer {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String NULL = "null";
    /** Spring's ProblemDetail leaves out its empty members, so a problem document is sparse. */
    private static final Set<String> SPARSE = Set.of("Problem");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null || openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.values().forEach(ResponseSchemasCustomizer::nullableTheThreeOneWay);
        List<Schema> answers = new ArrayList<>();
        List<Schema> requests = new ArrayList<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            collectResponses(operation, answers);
            collectRequests(operation, requests);
        }));
        Set<String> answered = reachable(answers, schemas);
        answered.removeAll(reachable(requests, schemas));
        new TreeMap<>(schemas).forEach((name, schema) -> {
            if (answered.contains(name) && !SPARSE.contains(name) && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(new TreeMap<>(schema.getProperties()).keySet()));
            }
        });
    }

    private static void nullableTheThreeOneWay(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, property) -> nullable(property));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        Set<String> types = property.getTypes();
        if (types == null || !types.contains(NULL)) {
            return property;
        }
        if (property.get$ref() != null) {
            Schema wrapper = new Schema<>()
                    .anyOf(List.of(new Schema<>().$ref(property.get$ref()), new Schema<>().types(new LinkedHashSet<>(Set.of(NULL)))))
                    .description(property.getDescription());
            if (property.getExample() != null) {
                wrapper.setExample(property.getExample());
            }
            return wrapper;
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    private static void collectResponses(Operation operation, List<Schema> into) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> content(response.getContent(), into));
        }
    }

    private static void collectRequests(Operation operation, List<Schema> into) {
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent(), into);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().map(Parameter::getSchema).filter(Objects::nonNull).forEach(into::add);
        }
    }

    private static void content(Content content, List<Schema> into) {
        if (content != null) {
            content.values().stream().map(io.swagger.v3.oas.models.media.MediaType::getSchema).filter(Objects::nonNull)
                    .forEach(into::add);
        }
    }

    /** The names of the component schemas reachable from {@code roots}. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                if (names.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                todo.push(values);
            }
            for (Collection<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                    nonNull(schema.getOneOf()))) {
                todo.addAll(parts);
            }
        }
        return names;
    }

    private static Collection<Schema> nonNull(List<Schema> parts) {
        return parts == null ? List.of() : parts;
    }
}
