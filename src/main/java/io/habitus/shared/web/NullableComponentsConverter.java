package io.habitus.shared.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Documents the record components annotated {@link Nullable} (JSpecify) as allowing null, the
 * OpenAPI 3.1 way ({@code type: [string, "null"]}; a {@code $ref} gets {@code type: "null"}, which
 * {@link ResponseSchemasCustomizer} turns into {@code anyOf}). The records' own nullness annotations
 * are the one source: every other component of an answer is non-null, and the contract test
 * checks both against real answers.
 */
@Component
class NullableComponentsConverter implements ModelConverter {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String NULL = "null";

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved.get$ref() != null && resolved.get$ref().startsWith(REF_PREFIX)
                ? context.getDefinedModels().get(resolved.get$ref().substring(REF_PREFIX.length()))
                : resolved;
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                Object property = model.getProperties().get(component.getName());
                if (property instanceof Schema<?> schema) {
                    allowNull(schema);
                }
            }
        }
        return resolved;
    }

    private static void allowNull(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        types.add(NULL);
        schema.setTypes(types);
    }

    private static @Nullable Class<?> rawClass(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p when p.getRawType() instanceof Class<?> c -> c;
            case com.fasterxml.jackson.databind.JavaType j -> j.getRawClass();
            case null, default -> null;
        };
    }
}
