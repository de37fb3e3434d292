package io.didplatform.inventory.command.registry;

import java.time.Instant;

/**
 * The command side's record of client packages (active, inactive or terminated, from package.events) and of
 * which DIDs each holds, written in the same transaction as the DID's events. A DID's transaction takes a
 * shared lock on its client package's state and a package's state change takes the row's exclusive lock, so
 * an assignment and a deactivation racing on two topics serialise: either the assignment sees the package
 * inactive and holds the DID at once, or the deactivation's cascade finds the DID among the package's DIDs.
 */
public interface ClientPackageHoldings {

    enum PackageState {
        ACTIVE, INACTIVE, TERMINATED
    }

    /**
     * The client package's state, locked against change until the transaction ends. A package inventory has not
     * heard of yet counts as ACTIVE: client-service asks for DIDs only under packages it saw active.
     */
    PackageState lockState(String clientPackageId);

    /** The DID now belongs to the client package. */
    void hold(String number, String clientPackageId);

    /**
     * Records when the DID's hold ends (null: it is not on hold). A DID whose recorded end has passed is sent
     * {@code EndHold}; the record is durable, so a hold that fell due while the service was down ends at start-up.
     */
    void holdUntil(String number, Instant until);

    /** The DID no longer belongs to any client package. */
    void release(String number);
}
