package io.didplatform.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.List;

/**
 * The service's OpenAPI document ({@code /v3/api-docs}, springdoc), read through the gateway: its one server is the
 * gateway's origin ({@code /}), so Swagger UI's "try it out" goes through it as the user given to its Authorize button
 * (Basic with the local profile, a JWT with any other), and every operation
 * names the {@code application/problem+json} answer ({@link ApiErrors}) it gives when it refuses or fails.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {
    /** The name of the problem schema in the document's components. */
    public static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenApiCustomizer throughTheGateway(@Value("${spring.application.name}") String service) {
        return openApi -> openApi
                .info(new Info().title(service).version("v1")
                        .description("Served through the gateway: every call needs a logged-in user (docs/api.md)."))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(components(openApi)
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of the gateway's local profile (bin/run: admin, operator, auditor)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Any other profile: a JWT with a roles claim")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    /** Runs after every other customizer, so that paths they add (a plain servlet's) get it too. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            components(openApi).addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().stream()
                    .map(PathItem::readOperations)
                    .flatMap(List::stream)
                    .map(Operation::getResponses)
                    .filter(responses -> !responses.containsKey("default"))
                    .forEach(responses -> responses.addApiResponse("default", problemResponse(
                            "A refusal or failure (400 invalid, 401/403 no or wrong role, 404, 409 conflict, 5xx)")));
        };
    }

    /** A response with a problem body ({@code application/problem+json}), for operations a customizer adds. */
    public static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }

    /** RFC 9457, with the {@code code} every problem of this platform carries (docs/api.md, "Errors"). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("DID 15550001111 is not IN_STOCK"))
                .addProperty("instance", new StringSchema().format("uri").example("/api/dids/15550001111"))
                .addProperty("code", new StringSchema().description("A stable, machine-readable error code")
                        .example("INVALID_STATE"))
                .required(List.of("status", "code"));
    }
}
