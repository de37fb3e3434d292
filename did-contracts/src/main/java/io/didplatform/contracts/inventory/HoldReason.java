package io.didplatform.contracts.inventory;

/** Why a DID went on hold. A restore only undoes PACKAGE_INACTIVE. */
public enum HoldReason {
    PACKAGE_INACTIVE, RELEASED
}
