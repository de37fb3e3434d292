package io.didplatform.support.reconcile;

/**
 * One comparison of a service's state with another copy of it (its event store with its topic, a read model with
 * its events). A service contributes its checks as beans; {@link ReconciliationController} runs them all.
 */
public interface ReconciliationCheck {
    /** The check's name in the report, such as {@code event-store-vs-topic}. */
    String name();

    /** Compares, listing at most {@code limit} differences. */
    CheckResult run(int limit);
}
