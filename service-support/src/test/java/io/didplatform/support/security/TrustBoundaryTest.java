package io.didplatform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A service serves its API only to callers the gateway vouches for, and starts only when it can check them. */
class TrustBoundaryTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private static final GatewayTokens TOKENS = new GatewayTokens(SECRET);

    @RestController
    static class Endpoints {
        @GetMapping("/api/whoami")
        String whoami(HttpServletRequest request) {
            return AuthenticatedCaller.actorOf(request);
        }

        @GetMapping("/actuator/health")
        String health() {
            return "UP";
        }
    }

    private final MockMvc service = MockMvcBuilders.standaloneSetup(new Endpoints())
            .addFilters(new GatewayTokenFilter(TOKENS, "inventory", new ObjectMapper(), Clock.systemUTC()))
            .build();

    @Test
    void servesTheCallerTheTokenStates() throws Exception {
        service.perform(get("/api/whoami").header("Authorization", "Bearer " + token("alice", "AUDITOR"))
                        .header("X-Actor", "mallory"))
                .andExpect(status().isOk())
                .andExpect(content().string("alice"));
    }

    @Test
    void refusesARequestWithoutTokenAsAProblem() throws Exception {
        service.perform(get("/api/whoami").header("X-Actor", "mallory"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.instance").value("/api/whoami"));
    }

    @Test
    void refusesARoleThatMayNot() throws Exception {
        service.perform(delete("/api/whoami").header("Authorization", "Bearer " + token("olga", "OPERATOR")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"))
                .andExpect(jsonPath("$.detail").value("Your role may not DELETE /api/whoami."));
    }

    @Test
    void leavesTheActuatorToItsOwnExposure() throws Exception {
        service.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void refusesToStartWithoutTheSecret() {
        new WebApplicationContextRunner()
                .withBean(ObjectMapper.class)
                .withUserConfiguration(TrustBoundaryConfiguration.class)
                .withPropertyValues("spring.application.name=inventory")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("did.security.gateway-token.secret")
                        .hasMessageContaining("DID_SECURITY_GATEWAY_TOKEN_SECRET"));
    }

    private static String token(String user, String role) {
        return TOKENS.sign(new Caller(user, Set.of(role)), "inventory", Instant.now());
    }
}
