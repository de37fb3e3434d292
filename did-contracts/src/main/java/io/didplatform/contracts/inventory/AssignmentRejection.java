package io.didplatform.contracts.inventory;

/** Why a DID could not be given to a client. */
public enum AssignmentRejection {
    LIMIT_REACHED, PACKAGE_INACTIVE, NOT_IN_STOCK, TAG_NOT_ALLOWED, UNKNOWN_NUMBER
}
