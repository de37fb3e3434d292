package io.didplatform.inventory.command.registry;

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

    /** Remembers the deadline that ends the DID's hold (null: none), so a restore can cancel it. */
    void holdDeadline(String number, String deadlineId);

    /** The deadline that ends the DID's hold, or null. */
    String holdDeadlineOf(String number);

    /** The DID no longer belongs to any client package. */
    void release(String number);
}
