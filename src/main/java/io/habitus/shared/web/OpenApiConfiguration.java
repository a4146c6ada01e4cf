package io.habitus.shared.web;

import io.habitus.shared.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document's frame: what Habitus is, how to authenticate, which problem types exist. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Raw JSON values (stored events, feature specs, statistics) are free-form objects to
        // clients, not a bean with Jackson's node-type getters (isArray, isBoolean, …).
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().description("A JSON object, as stored"));

    }

    @Bean
    OpenAPI habitusOpenApi() {
        String problems = Arrays.stream(ProblemType.values())
                .map(type -> "- `" + type.uri() + "`: " + type.title())
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info()
                        .title("Habitus API")
                        .version("v1")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary"))
                        .description("""
                                Habitus learns how every container image normally behaves and flags what breaks \
                                the habit. Agents POST batches of runtime events; Habitus learns a versioned \
                                allowlist profile and a one-class SVM per image and judges new events against them.

                                Every `/api/**` call needs `Authorization: Bearer <token>`. Roles: `AGENT` (ingest, \
                                score), `ANALYST` (read everything), `ADMIN` (everything, token management).

                                Request bodies may be sent gzip-compressed, saying so with `Content-Encoding: gzip` \
                                (every request body lists `x-content-encodings: [identity, gzip]`). Size limits \
                                apply on the wire and after decoding.

                                Tokens may carry a scope (namespaces, clusters, INGEST/SCORE): a call to \
                                `POST /api/v1/events` or `POST /api/v1/score` with an event outside it is answered \
                                403 and nothing is stored or scored. Answers to `AGENT` tokens from `/score` carry \
                                verdicts, not container state.

                                Errors are RFC 9457 problem documents (`application/problem+json`) whose `type` is \
                                one of:
                                """ + problems))
                .servers(List.of(new Server().url("/").description("This Habitus instance")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A Habitus API token (hab_...)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
