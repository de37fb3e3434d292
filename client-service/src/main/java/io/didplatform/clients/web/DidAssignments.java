package io.didplatform.clients.web;

import io.didplatform.clients.command.ClientPackageTerms;
import io.didplatform.clients.command.RequestDidAssignment;
import io.didplatform.clients.config.ClientSettings;
import io.didplatform.clients.query.AssignmentOutcomes;
import io.didplatform.clients.query.AssignmentRequestResponse;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.support.web.LateArrivals;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes a DID for a client and waits, without polling, for inventory's answer: the request's outcome future is
 * registered before the command is sent, and completed by the projection; past {@code did.clients.assignment-wait}
 * the read model is asked once (another instance may have settled it) and a still-pending request is returned.
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
    private final Clock clock;

    DidAssignments(ClientCommands commands, ClientPackages clientPackages, AssignmentOutcomes outcomes, ClientDids dids,
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
        CompletableFuture<AssignmentRequestResponse> outcome = outcomes.expect(requestId);
        try {
            commands.send(new RequestDidAssignment(clientId, requestId, number, clientPackageId, destination, terms,
                    clock.instant().plus(timeout)));
            return awaitDecision(outcome).orElseGet(() -> dids.request(clientId, requestId).orElse(
                    new AssignmentRequestResponse(requestId, clientId, number, clientPackageId, destination,
                            AssignmentRequestResponse.PENDING, null, clock.instant(), null)));
        } finally {
            outcomes.forget(requestId);
        }
    }

    private Optional<AssignmentRequestResponse> awaitDecision(CompletableFuture<AssignmentRequestResponse> outcome) {
        try {
            return Optional.of(outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("outcomes are never completed exceptionally", e);
        }
    }
}
