package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.UndoneChange;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Reverses bulk job {@code undoneJobId}'s {@code change} of this DID, provided the DID's last event is still the
 * job's ({@code sequence}): one changed since is left alone. {@code before} is the DID as it was before the job's
 * change ({@link DidHistory}); only an EDIT needs it (null otherwise).
 */
public record UndoDidChange(@TargetAggregateIdentifier String number, UUID undoneJobId, UndoneChange change,
                            long sequence, DidSnapshot before) {

    /** The code of the refusal of a DID that changed after the job's change. */
    public static final String CHANGED_SINCE = "CHANGED_SINCE";
}
