package io.didplatform.contracts.inventory;

import java.util.UUID;

/**
 * An undo of bulk job {@code undoneJobId} reversed that job's {@code undone} change of this DID, by this new event
 * (the job's own event stays in the history). The fields are the DID's after the undo: restored after an EDIT or a
 * DELETION; after a CREATION, the ones it had when the undo removed it from the inventory.
 */
public record DidChangeUndone(String number, UUID undoneJobId, UndoneChange undone, String operatorId,
                              DidStatus status, DidStatus afterHoldStatus, String tag, String notes)
        implements InventoryEvent {
    @Override
    public String subject() {
        return number;
    }

    /** Whether the DID is in the inventory after the undo: only the undo of its creation takes it out. */
    public boolean inInventory() {
        return undone != UndoneChange.CREATION;
    }
}
