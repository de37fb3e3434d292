package io.didplatform.contracts.packages;

/** Whether a package may be given to new clients. */
public enum PackageStatus {
    ACTIVE, DISABLED, ARCHIVED
}
