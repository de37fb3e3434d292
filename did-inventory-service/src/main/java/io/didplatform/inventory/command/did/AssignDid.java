package io.didplatform.inventory.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's request for the DID under a client package (DidAssignmentRequested). {@code allowedTags} empty =
 * any tag. {@code holdUntilIfInactive}: the hold's end should the client package turn out to be inactive already.
 */
public record AssignDid(@TargetAggregateIdentifier String number, UUID requestId, String clientId,
                        String clientPackageId, String destination, List<String> allowedTags,
                        Instant holdUntilIfInactive) {
}
