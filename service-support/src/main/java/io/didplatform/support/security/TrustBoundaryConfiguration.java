package io.didplatform.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.security.GatewayTokens;
import io.didplatform.support.web.RequestIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * Every {@code /api} request must come through the gateway ({@link GatewayTokenFilter}); health, info and
 * prometheus under {@code /actuator} stay open. A service refuses to start without
 * {@code did.security.gateway-token.secret}. Its tokens' audience is its {@code spring.application.name}.
 */
@Configuration(proxyBeanMethods = false)
public class TrustBoundaryConfiguration {

    @Bean
    GatewayTokens gatewayTokens(@Value("${" + GatewayTokens.SECRET_PROPERTY + ":}") String secret) {
        return new GatewayTokens(secret);
    }

    @Bean
    FilterRegistrationBean<GatewayTokenFilter> gatewayTokenFilter(GatewayTokens tokens, ObjectMapper json,
                                                                  @Value("${spring.application.name}") String audience,
                                                                  Clock clock) {
        FilterRegistrationBean<GatewayTokenFilter> registration =
                new FilterRegistrationBean<>(new GatewayTokenFilter(tokens, audience, json, clock));
        registration.addUrlPatterns("/*");
        // before anything reads the request on the caller's behalf
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** Before the trust boundary, so that its refusals are logged with the request's id too. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
