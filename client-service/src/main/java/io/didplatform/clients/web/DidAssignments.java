package io.didplatform.clients.web;

import io.didplatform.clients.command.ClientPackageTerms;
import io.didplatform.clients.command.RequestDidAssignment;
import io.didplatform.clients.config.ClientSettings;
import io.didplatform.clients.query.AssignmentOutcomes;
import io.didplatform.clients.query.AssignmentRequestResponse;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.support.web.LateArrivals;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Takes a DID for a client and waits for inventory's answer in the read model, woken when any instance stores it
 * ({@link AssignmentOutcomes}); past {@code did.clients.assignment-wait} a still-pending request is returned.
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
        commands.sendAndWait(new RequestDidAssignment(clientId, requestId, number, clientPackageId, destination, terms,
                clock.instant().plus(timeout)));
        return outcomes.await(clientId, requestId, wait).orElseGet(() -> dids.request(clientId, requestId).orElse(
                new AssignmentRequestResponse(requestId, clientId, number, clientPackageId, destination,
                        AssignmentRequestResponse.PENDING, null, clock.instant(), null)));
    }
}
