package io.didplatform.inventory.command.registry;

/**
 * The command side's own record of operator names and of which operators DIDs reference, written in the
 * same transaction as the operator's events: names stay unique and an operator in use cannot disappear,
 * whatever the read model's lag.
 */
public interface OperatorRegistry {

    /** Registers a new operator, or refuses with {@code OPERATOR_NAME_TAKEN}. */
    void register(String operatorId, String name);

    /** Renames an operator, or refuses with {@code OPERATOR_NAME_TAKEN}. */
    void rename(String operatorId, String name);

    /** Removes an operator, or refuses with {@code OPERATOR_IN_USE} while a DID references it. */
    void remove(String operatorId);
}
