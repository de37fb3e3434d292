package io.didplatform.clients.query;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets an HTTP request wait for its assignment's outcome without polling: the request registers its id before
 * sending the command, and the projection completes it once the outcome is committed to the read model.
 * In-memory and per instance; a request whose outcome lands on another instance falls back to the read model.
 */
@Component
public class AssignmentOutcomes {
    private final Map<UUID, CompletableFuture<AssignmentRequestResponse>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<AssignmentRequestResponse> expect(UUID requestId) {
        return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    public void forget(UUID requestId) {
        waiting.remove(requestId);
    }

    void decided(AssignmentRequestResponse outcome) {
        CompletableFuture<AssignmentRequestResponse> waiter = waiting.remove(outcome.requestId());
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }
}
