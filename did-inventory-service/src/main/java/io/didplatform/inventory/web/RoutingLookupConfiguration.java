package io.didplatform.inventory.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** The routing lookup's own servlet (see {@link RoutingServlet}), outside Spring MVC and its per-request metrics. */
@Configuration(proxyBeanMethods = false)
class RoutingLookupConfiguration {

    @Bean
    ServletRegistrationBean<RoutingServlet> routingServlet(RoutingTable table, ObjectMapper json, MeterRegistry meters) {
        ServletRegistrationBean<RoutingServlet> registration =
                new ServletRegistrationBean<>(new RoutingServlet(table, json, meters), RoutingServlet.PATH + "*");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** Lookups are timed by the servlet itself (did.routing.lookups); an observation per request cost more than they do. */
    @Bean
    ObservationPredicate noRequestObservationForRoutingLookups() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(RoutingServlet.PATH));
    }
}
