package io.didplatform.gateway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events the services publish on Kafka, described in AsyncAPI 3: the one copy in did-contracts, open like the UI
 * (it describes the events' shape, never their data).
 */
@RestController
class EventDocsController {
    static final String PATH = "/docs/asyncapi.yaml";
    private static final Resource DOCUMENT = new ClassPathResource("asyncapi/did-platform-events.yaml");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping(PATH)
    ResponseEntity<Resource> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).body(DOCUMENT);
    }
}
