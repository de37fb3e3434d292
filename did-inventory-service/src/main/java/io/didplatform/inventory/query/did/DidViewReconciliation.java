package io.didplatform.inventory.query.did;

import io.didplatform.support.axon.ProcessorPositions;
import io.didplatform.support.reconcile.HeldDids;
import io.didplatform.support.reconcile.ProjectionReplayCheck;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

/**
 * The DID view in the reconciliation: replayed from the event store into a scratch copy and compared by content; its
 * kept counts against the view counted; and its DIDs held by clients, which the gateway compares with client-service's.
 */
@Configuration(proxyBeanMethods = false)
class DidViewReconciliation {

    @Bean
    ProjectionReplayCheck didViewCheck(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                                       ProcessorPositions positions) {
        return new ProjectionReplayCheck("did-view-vs-events", DidInventoryProjection.PROCESSING_GROUP,
                List.of(new ProjectionReplayCheck.Table("did_view", "number")), DidInventoryProjection::new,
                dataSource, eventSerializer, positions);
    }

    @Bean
    DidCountsCheck didCountsCheck(JdbcTemplate jdbc) {
        return new DidCountsCheck(jdbc);
    }

    @Bean
    HeldDids heldDids(JdbcTemplate jdbc) {
        // a DID the client gave back stays the client's while on hold, yet the client's DIDs no longer list it
        return new HeldDids(jdbc, "did_view", "client_id is not null"
                + " and (status <> 'HOLD' or hold_reason is distinct from 'RELEASED')");
    }
}
