package io.didplatform.clients.query;

import io.didplatform.clients.event.ClientDidReleased;
import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentFailed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Requests and the client's side of its DIDs, from this service's own events; tells waiting HTTP requests, on
 * every instance, once an outcome is committed.
 */
@Component
@ProcessingGroup("client-did-view")
class ClientDidProjection {
    private final ClientDids dids;
    private final AssignmentOutcomes outcomes;

    ClientDidProjection(ClientDids dids, AssignmentOutcomes outcomes) {
        this.dids = dids;
        this.outcomes = outcomes;
    }

    @EventHandler
    void on(DidAssignmentRequested event, @Timestamp Instant at) {
        dids.requested(event.requestId(), event.clientId(), event.number(), event.clientPackageId(),
                event.destination(), at);
    }

    @EventHandler
    void on(DidAssignmentConfirmed event, @Timestamp Instant at) {
        decided(event.clientId(), event.requestId(), AssignmentRequestResponse.CONFIRMED, null, at);
    }

    @EventHandler
    void on(DidAssignmentFailed event, @Timestamp Instant at) {
        decided(event.clientId(), event.requestId(), AssignmentRequestResponse.FAILED, event.reason().name(), at);
    }

    @EventHandler
    void on(DidReturnRequested event) {
        dids.removed(event.clientId(), event.number());
    }

    @EventHandler
    void on(ClientDidReleased event) {
        dids.removed(event.clientId(), event.number());
    }

    private void decided(String clientId, UUID requestId, String status, String reason, Instant at) {
        dids.decided(requestId, status, reason, at);
        outcomes.decided(requestId);
    }
}
