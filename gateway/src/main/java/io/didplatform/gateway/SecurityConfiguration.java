package io.didplatform.gateway;

import io.didplatform.security.AccessRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
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
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Roles (docs/api.md, "Roles") on {@code /api}: the {@link AccessRules} the services check as well. The actuator's
 * health is open, and its metrics on the management port ({@link MetricsScrape}); its other endpoints are for ADMIN.
 * Every profile takes service accounts' API keys ({@link ApiKeyAuthentication}); the {@code local} profile takes
 * HTTP Basic users from configuration, every other profile JWT bearer tokens with a {@code roles} claim.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** How long a user and password that passed the bcrypt check are taken without checking again. */
    static final Duration REMEMBER_LOGINS_FOR = Duration.ofMinutes(5);

    /** The admin UI loads nothing but its own files and talks only to this gateway. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Spring Security's own observations (its filter chain phase by phase, each authentication, each authorization)
     * would add several to every request; the request's own (http.server.requests, and its span when tracing) covers
     * the time spent here.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    static ServerHttpSecurity authorizeApi(ServerHttpSecurity http, ProblemResponses problems,
                                           ServerAuthenticationEntryPoint scheme, ServiceAccounts accounts,
                                           MetricsScrape metricsScrape) {
        var apiKeys = new ApiKeyAuthentication(accounts)
                .filter(problems.unauthenticated(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // stateless: every request carries its credentials. The defaults keep the security context and saved
                // requests in a WebSession, which costs every request a new session (a SecureRandom UUID made on a
                // bounded-elastic thread) that nothing uses
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // service accounts (switches) in every profile, before the profile's own scheme
                .addFilterBefore(apiKeys, SecurityWebFiltersOrder.HTTP_BASIC)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated(scheme))
                        .accessDeniedHandler(problems.accessDenied()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeExchange(exchange -> exchange
                        .matchers(SecurityConfiguration::api).access(SecurityConfiguration::byAccessRules)
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .matchers(metricsScrape).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").hasRole(AccessRules.ADMIN)
                        .anyExchange().permitAll());
    }

    /**
     * A request Spring Security's firewall refuses (an encoded NUL, slash or percent in the path, and the like) is
     * answered as every refusal is, a problem saying why, rather than an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                rejected.getMessage());
    }

    /** The API as a service would read the path, however it is encoded. */
    private static Mono<MatchResult> api(ServerWebExchange exchange) {
        return AccessRules.isApi(exchange.getRequest().getPath().pathWithinApplication().value())
                ? MatchResult.match() : MatchResult.notMatch();
    }

    private static Mono<AuthorizationDecision> byAccessRules(Mono<Authentication> authentication,
                                                             AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> new AuthorizationDecision(AccessRules.allows(Callers.rolesOf(caller),
                        request.getMethod().name(), request.getPath().pathWithinApplication().value())))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("local")
    static class BasicAuthentication {

        @Bean
        SecurityWebFilterChain basicSecurity(ServerHttpSecurity http, ProblemResponses problems,
                                             MapReactiveUserDetailsService users, ServiceAccounts accounts,
                                             MetricsScrape metricsScrape) {
            // scripts (the admin UI) get no Basic challenge, or browsers would pop up their own password dialog
            var basic = new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(
                    exchange -> "XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))
                            ? MatchResult.match() : MatchResult.notMatch(),
                    new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
            basic.setDefaultEntryPoint(new HttpBasicServerAuthenticationEntryPoint());
            var logins = new RememberedLogins(new UserDetailsRepositoryReactiveAuthenticationManager(users),
                    REMEMBER_LOGINS_FOR, Clock.systemUTC());
            return authorizeApi(http, problems, basic, accounts, metricsScrape)
                    .httpBasic(spec -> spec.authenticationManager(logins)
                            .authenticationEntryPoint(problems.unauthenticated(basic)))
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
        SecurityWebFilterChain jwtSecurity(ServerHttpSecurity http, ProblemResponses problems, ServiceAccounts accounts,
                                           MetricsScrape metricsScrape) {
            ServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
            return authorizeApi(http, problems, bearer, accounts, metricsScrape)
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
