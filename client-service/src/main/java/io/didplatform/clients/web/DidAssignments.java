package io.didplatform.clients.web;

import io.didplatform.clients.command.ClientPackageTerms;
import io.didplatform.clients.command.RequestDidAssignment;
import io.didplatform.clients.config.ClientSettings;
import io.didplatform.clients.query.AssignmentOutcomes;
import io.didplatform.clients.query.AssignmentRequestResponse;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.LateArrivals;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a DID for a client and waits for inventory's answer in the read model, woken when any instance stores it
 * ({@link AssignmentOutcomes}); past {@code did.clients.assignment-wait} a still-pending request is returned.
 * <p>
 * A take asked again — the same number, client package and destination, by a caller that got no answer the first
 * time (a 503 while the database restarted, a connection cut) — is answered with the first request and its outcome,
 * not refused as {@code ALREADY_REQUESTED}: the caller cannot tell whether its first try was recorded.
 */
@Component
class DidAssignments {
    private final CommandGateway commands;
    private final ClientPackages clientPackages;
    private final AssignmentOutcomes outcomes;
    private final ClientDids dids;
    private final Duration wait;
    private final Duration packageWait;
    private final Duration timeout;
    private final Clock clock;

    DidAssignments(CommandGateway commands, ClientPackages clientPackages, AssignmentOutcomes outcomes, ClientDids dids,
                   ClientSettings settings, Clock clock) {
        this.commands = commands;
        this.clientPackages = clientPackages;
        this.outcomes = outcomes;
        this.dids = dids;
        this.wait = settings.assignmentWait();
        this.packageWait = settings.packageWait();
        this.timeout = settings.assignmentTimeout();
        this.clock = clock;
    }

    AssignmentRequestResponse take(String clientId, String number, String clientPackageId, String destination) {
        UUID requestId = UUID.randomUUID();
        // a client package created a moment ago reaches this service over package.events a second or two later
        ClientPackageTerms terms = LateArrivals.await(() -> clientPackages.find(clientPackageId), packageWait)
                .map(cp -> new ClientPackageTerms(cp.id(), cp.clientId(), cp.didLimit(), cp.tags(), cp.active()))
                .orElse(null);
        try {
            commands.sendAndWait(new RequestDidAssignment(clientId, requestId, number, clientPackageId, destination,
                    terms, clock.instant().plus(timeout)));
        } catch (DomainException e) {
            if (!"ALREADY_REQUESTED".equals(e.code())) {
                throw e;
            }
            requestId = sameRequestBefore(clientId, number, clientPackageId, destination).orElseThrow(() -> e);
        }
        UUID asked = requestId;
        return outcomes.await(clientId, asked, wait).orElseGet(() -> dids.request(clientId, asked).orElse(
                new AssignmentRequestResponse(asked, clientId, number, clientPackageId, destination,
                        AssignmentRequestResponse.PENDING, null, clock.instant(), null)));
    }

    /** The client's request of the number that this take repeats, once the read model shows it (a moment after). */
    private Optional<UUID> sameRequestBefore(String clientId, String number, String clientPackageId,
                                             String destination) {
        return LateArrivals.await(() -> dids.latestRequest(clientId, number), packageWait)
                .filter(request -> request.clientPackageId().equals(clientPackageId)
                        && request.destination().equals(destination))
                .map(AssignmentRequestResponse::requestId);
    }
}
