package io.didplatform.contracts.inventory;

/** Which change of a bulk job an undo reversed, and so what the undo did to the DID. */
public enum UndoneChange {
    /** The job created the DID; the undo removed it from the inventory (its history stays). */
    CREATION,
    /** The job edited the DID; the undo gave it back its status and staff fields from before the edit. */
    EDIT,
    /** The job deleted the DID; the undo brought it back into the inventory as it was. */
    DELETION
}
