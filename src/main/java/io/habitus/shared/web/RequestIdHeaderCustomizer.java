package io.habitus.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Declares the {@code X-Request-Id} header ({@link RequestIdFilter}) on every answer of the API. */
@Component
@Order(3)
class RequestIdHeaderCustomizer implements GlobalOpenApiCustomizer {

    private static final String REF = "#/components/headers/" + RequestIdFilter.HEADER;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addHeaders(RequestIdFilter.HEADER, new Header()
                .required(true)
                .description("The request's id, as given by the caller when it is sane, else a new one; logs carry it")
                .schema(new StringSchema().example("3f2b6c1e-8a0d-4c47-9b1e-6a5d2f0c9e71")));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.startsWith("/api/") && operation.getResponses() != null) {
                operation.getResponses().values().forEach(response ->
                        response.addHeaderObject(RequestIdFilter.HEADER, new Header().$ref(REF)));
            }
        }));
    }
}
