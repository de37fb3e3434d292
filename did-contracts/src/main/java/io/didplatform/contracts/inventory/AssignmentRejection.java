package io.didplatform.contracts.inventory;

/**
 * Why a DID could not be given to a client. {@code TIMEOUT} is client-service's own: inventory did not answer
 * within {@code did.clients.assignment-timeout}, so the client gave the request up (only in DidAssignmentFailed).
 * {@code RESERVED_FOR_ANOTHER_CLIENT}: the DID is reserved for another client or a sales deal until its reservation
 * ends.
 */
public enum AssignmentRejection {
    LIMIT_REACHED, PACKAGE_INACTIVE, NOT_IN_STOCK, TAG_NOT_ALLOWED, UNKNOWN_NUMBER, TIMEOUT, RESERVED_FOR_ANOTHER_CLIENT
}
