package io.didplatform.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import reactor.core.publisher.Mono;

/**
 * Roles (docs/api.md, "Roles"): ADMIN may do everything; OPERATOR everything but deletes and audit exports;
 * AUDITOR reads and audit only. The {@code local} profile takes HTTP Basic users from configuration;
 * every other profile takes JWT bearer tokens with a {@code roles} claim.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String ADMIN = "ADMIN";
    private static final String OPERATOR = "OPERATOR";
    private static final String AUDITOR = "AUDITOR";

    /** The admin UI loads nothing but its own files and talks only to this gateway. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static ServerHttpSecurity authorizeApi(ServerHttpSecurity http, ProblemResponses problems,
                                           ServerAuthenticationEntryPoint scheme) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated(scheme))
                        .accessDeniedHandler(problems.accessDenied()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/api/audit/export", "/api/audit/events/export").hasAnyRole(ADMIN, AUDITOR)
                        .pathMatchers(HttpMethod.DELETE, "/api/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, OPERATOR, AUDITOR)
                        .pathMatchers("/api/audit/**").hasRole(ADMIN)
                        .pathMatchers("/api/**").hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyExchange().permitAll());
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("local")
    static class BasicAuthentication {

        @Bean
        SecurityWebFilterChain basicSecurity(ServerHttpSecurity http, ProblemResponses problems) {
            // scripts (the admin UI) get no Basic challenge, or browsers would pop up their own password dialog
            var basic = new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(
                    exchange -> "XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))
                            ? MatchResult.match() : MatchResult.notMatch(),
                    new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
            basic.setDefaultEntryPoint(new HttpBasicServerAuthenticationEntryPoint());
            return authorizeApi(http, problems, basic)
                    .httpBasic(spec -> spec.authenticationEntryPoint(problems.unauthenticated(basic)))
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable).build();
        }

        @Bean
        MapReactiveUserDetailsService localUsers(LocalUsers config) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            UserDetails[] users = config.users().stream()
                    .peek(user -> {
                        if (user.hasDefaultPassword()) {
                            log.warn("*** LOCAL PROFILE: user '{}' has its default password. HTTP Basic with configured"
                                    + " users is for one machine only; run any other profile for JWT. ***", user.name());
                        }
                    })
                    .map(user -> User.withUsername(user.name()).password(encoder.encode(user.password()))
                            .roles(user.roles().toArray(String[]::new)).build())
                    .toArray(UserDetails[]::new);
            return new MapReactiveUserDetailsService(users);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!local")
    static class JwtAuthentication {

        JwtAuthentication(LocalUsers config) {
            if (config.users() != null && config.users().stream().anyMatch(LocalUsers.User::hasDefaultPassword)) {
                throw new IllegalStateException("Refusing to start: default passwords are configured outside the local"
                        + " profile. Remove did.security.users or change their passwords.");
            }
        }

        @Bean
        SecurityWebFilterChain jwtSecurity(ServerHttpSecurity http, ProblemResponses problems) {
            ServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
            return authorizeApi(http, problems, bearer)
                    .oauth2ResourceServer(server -> server
                            .authenticationEntryPoint(problems.unauthenticated(bearer))
                            .accessDeniedHandler(problems.accessDenied())
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())))
                    .build();
        }

        private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromClaim() {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName("roles");
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(roles);
            converter.setPrincipalClaimName("preferred_username");
            return new ReactiveJwtAuthenticationConverterAdapter(converter);
        }
    }
}
