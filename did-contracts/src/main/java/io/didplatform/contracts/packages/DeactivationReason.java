package io.didplatform.contracts.packages;

/** Why a client package stopped being active. */
public enum DeactivationReason {
    MANUAL, ENDED, PACKAGE_DISABLED,
    /** its client was suspended; reactivated when the client is active again */
    CLIENT_SUSPENDED
}
