package io.didplatform.inventory.command.registry;

/**
 * The command side's record of which numbers exist and which operator provides each, written in the same
 * transaction as the DID's events: two racing creates of one number cannot both succeed, and an operator
 * cannot be deleted under a DID.
 */
public interface DidRegistry {

    /**
     * Claims a number for a new DID (or a deleted one created again); refuses with {@code DID_EXISTS} when it
     * exists, or {@code OPERATOR_NOT_FOUND}.
     */
    void claim(String number, String operatorId);

    /** Points an existing DID at another operator, or refuses with {@code OPERATOR_NOT_FOUND}. */
    void changeOperator(String number, String operatorId);

    /** Frees a deleted DID's number (and its operator reference). */
    void release(String number);
}
