package io.habitus.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Says that every request body may be gzip-compressed ({@link RequestBodyFilter} decodes it). This is
 * a property of how the body is sent, not a parameter of the operation: a header parameter would let
 * a generated client declare {@code Content-Encoding: gzip} on a body it never compressed. OpenAPI
 * has no field for request content codings, hence the extension {@code x-content-encodings}.
 */
@Component
class RequestEncodingCustomizer implements GlobalOpenApiCustomizer {

    static final String EXTENSION = "x-content-encodings";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().addExtension(EXTENSION, List.of("identity", "gzip"));
            }
        }));
    }
}
