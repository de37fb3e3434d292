package io.didplatform.packages.query;

/** Where a client package stands: not started yet, active, inactive (see the reason), or terminated for good. */
public enum ClientPackageStatus {
    PENDING, ACTIVE, INACTIVE, TERMINATED
}
