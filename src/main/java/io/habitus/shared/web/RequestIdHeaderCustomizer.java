package io.habitus.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Declares the {@code X-Request-Id} ({@link RequestIdFilter}) and {@code traceresponse}
 * ({@link TraceResponseFilter}) headers on every answer of the API.
 */
@Component
@Order(3)
class RequestIdHeaderCustomizer implements GlobalOpenApiCustomizer {

    private static final String REF = "#/components/headers/" + RequestIdFilter.HEADER;
    private static final String TRACE_REF = "#/components/headers/" + TraceResponseFilter.HEADER;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addHeaders(RequestIdFilter.HEADER, new Header()
                .required(true)
                .description("The request's id, as given by the caller when it is sane, else a new one; logs carry it")
                .schema(new StringSchema().example("3f2b6c1e-8a0d-4c47-9b1e-6a5d2f0c9e71")));
        openApi.getComponents().addHeaders(TraceResponseFilter.HEADER, new Header()
                .required(true)
                .description("The W3C trace the request joined: 00-<trace id>-<span id>-<flags>. The trace id is the "
                        + "caller's (from its traceparent) when it sent one, else a new one; logs carry it as traceId")
                .schema(new StringSchema().pattern("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                        .example("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.startsWith("/api/") && operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> response
                        .addHeaderObject(RequestIdFilter.HEADER, new Header().$ref(REF))
                        .addHeaderObject(TraceResponseFilter.HEADER, new Header().$ref(TRACE_REF)));
            }
        }));
    }
}
