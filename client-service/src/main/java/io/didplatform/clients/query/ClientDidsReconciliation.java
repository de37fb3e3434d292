package io.didplatform.clients.query;

import io.didplatform.support.reconcile.HeldDids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The DIDs clients hold (a request still PENDING holds nothing yet), which the gateway compares with inventory's. */
@Configuration(proxyBeanMethods = false)
class ClientDidsReconciliation {

    @Bean
    HeldDids heldDids(JdbcTemplate jdbc) {
        return new HeldDids(jdbc, "client_did_view", "status <> 'PENDING'");
    }
}
