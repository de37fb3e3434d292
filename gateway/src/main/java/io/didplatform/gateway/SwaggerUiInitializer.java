package io.didplatform.gateway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts Swagger UI as the admin UI's logged-in user, in place of springdoc's generated start-up script: the
 * documents need a login, and a browser cannot hand a stored login (least of all a JWT) to springdoc's script.
 * A controller mapping is consulted before springdoc's resource handler, so this one answers.
 */
@RestController
class SwaggerUiInitializer {
    static final String PATH = "/swagger-ui/swagger-initializer.js";
    private static final Resource SCRIPT = new ClassPathResource("swagger-ui/initializer.js");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript");

    @GetMapping(PATH)
    ResponseEntity<Resource> script() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(SCRIPT);
    }
}
