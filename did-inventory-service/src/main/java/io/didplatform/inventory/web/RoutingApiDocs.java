package io.didplatform.inventory.web;

import io.didplatform.support.web.ApiDocsConfiguration;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * {@code GET /api/routing/{number}} in the service's OpenAPI document: {@link RoutingServlet} is a plain servlet,
 * which springdoc cannot see, so its operation is described here, its answer's schema read from the record it writes.
 */
@Configuration(proxyBeanMethods = false)
class RoutingApiDocs {
    static final String PATH = RoutingServlet.PATH + "{number}";

    @Bean
    OpenApiCustomizer routingLookup() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            Schema<?> answer = ModelConverters.getInstance()
                    .resolveAsResolvedSchema(new AnnotatedType(RoutingServlet.RoutingAnswer.class)).schema;
            openApi.getComponents().addSchemas("RoutingAnswer", answer);
            openApi.path(PATH, new PathItem().get(new Operation()
                    .operationId("routeNumber")
                    .tags(List.of("routing"))
                    .summary("May a call to this number be routed, and where")
                    .description("For switches: answered from each instance's in-memory routing table."
                            + " `destination` is present only when the DID is routable (ACTIVE).")
                    .addParametersItem(new PathParameter().name("number").required(true)
                            .description("The DID, in any notation the number rule reads (+1 (555) 000-0000)")
                            .schema(new StringSchema().example("15550000000")))
                    .responses(new ApiResponses()
                            .addApiResponse("200", new ApiResponse().description("The DID's routing")
                                    .content(new Content().addMediaType(
                                            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                            new MediaType().schema(new Schema<>()
                                                    .$ref("#/components/schemas/RoutingAnswer")))))
                            .addApiResponse("400", ApiDocsConfiguration.problemResponse(
                                    "INVALID_NUMBER: not a DID number"))
                            .addApiResponse("404", ApiDocsConfiguration.problemResponse(
                                    "DID_NOT_FOUND: no such DID")))));
        };
    }
}
