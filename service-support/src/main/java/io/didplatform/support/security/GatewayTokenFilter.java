package io.didplatform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.security.AccessRules;
import io.didplatform.security.Caller;
import io.didplatform.security.GatewayTokens;
import io.didplatform.security.InvalidGatewayToken;
import io.didplatform.support.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A service's trust boundary: an API request is served only when it carries a token the gateway signed for this
 * service ({@code Authorization: Bearer ...}) and the caller it states has a role that may send it
 * ({@link AccessRules}); otherwise 401 {@code UNAUTHENTICATED} or 403 {@code ACCESS_DENIED}. Who the caller is
 * comes from the token alone ({@link AuthenticatedCaller}); identity headers a request carries mean nothing.
 */
public class GatewayTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final GatewayTokens tokens;
    private final String audience;
    private final ObjectMapper json;
    private final Clock clock;

    public GatewayTokenFilter(GatewayTokens tokens, String audience, ObjectMapper json, Clock clock) {
        this.tokens = tokens;
        this.audience = audience;
        // a problem's properties (its code) at the top level, as Spring MVC writes them
        this.json = json.copy().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        this.clock = clock;
    }

    /** Everything a controller could map to {@code /api} (however encoded) is checked; nothing else is. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AccessRules.isApi(pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Call this API through the gateway: the request carries no gateway token.");
            return;
        }
        Caller caller;
        try {
            caller = tokens.verify(authorization.substring(BEARER.length()).trim(), audience, clock.instant());
        } catch (InvalidGatewayToken e) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage());
            return;
        }
        String path = pathOf(request);
        if (!AccessRules.allows(caller.roles(), request.getMethod(), path)) {
            refuse(request, response, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                    "Your role may not " + request.getMethod() + " " + path + ".");
            return;
        }
        AuthenticatedCaller.set(request, caller);
        chain.doFilter(request, response);
    }

    /** The path as sent, within the application: what Spring MVC matches its handlers against. */
    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String detail) throws IOException {
        ProblemDetail problem = ApiErrors.problem(status, detail, code);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
