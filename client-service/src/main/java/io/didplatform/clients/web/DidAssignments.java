package io.didplatform.clients.web;

import io.didplatform.clients.command.ClientPackageTerms;
import io.didplatform.clients.command.RequestDidAssignment;
import io.didplatform.clients.query.AssignmentOutcomes;
import io.didplatform.clients.query.AssignmentRequestResponse;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.support.web.LateArrivals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Takes a DID for a client and waits for inventory's answer in the read model, woken when any instance stores it
 * ({@link AssignmentOutcomes}); past {@code did.clients.assignment-wait} a still-pending request is returned.
 */
@Component
class DidAssignments {
    private final ClientCommands commands;
    private final ClientPackages clientPackages;
    private final AssignmentOutcomes outcomes;
    private final ClientDids dids;
    private final Duration wait;
    private final Duration packageWait;
    private final Duration timeout;

    DidAssignments(ClientCommands commands, ClientPackages clientPackages, AssignmentOutcomes outcomes, ClientDids dids,
                   @Value("${did.clients.assignment-wait:PT5S}") Duration wait,
                   @Value("${did.clients.package-wait:PT5S}") Duration packageWait,
                   @Value("${did.clients.assignment-timeout:PT2M}") Duration timeout) {
        this.commands = commands;
        this.clientPackages = clientPackages;
        this.outcomes = outcomes;
        this.dids = dids;
        this.wait = wait;
        this.packageWait = packageWait;
        this.timeout = timeout;
    }

    AssignmentRequestResponse take(String clientId, String number, String clientPackageId, String destination) {
        UUID requestId = UUID.randomUUID();
        // a client package created a moment ago reaches this service over package.events a second or two later
        ClientPackageTerms terms = LateArrivals.await(() -> clientPackages.find(clientPackageId), packageWait)
                .map(cp -> new ClientPackageTerms(cp.id(), cp.clientId(), cp.didLimit(), cp.tags(), cp.active()))
                .orElse(null);
        commands.send(new RequestDidAssignment(clientId, requestId, number, clientPackageId, destination, terms,
                Instant.now().plus(timeout)));
        return outcomes.await(clientId, requestId, wait).orElseGet(() -> dids.request(clientId, requestId).orElse(
                new AssignmentRequestResponse(requestId, clientId, number, clientPackageId, destination,
                        AssignmentRequestResponse.PENDING, null, Instant.now(), null)));
    }
}
