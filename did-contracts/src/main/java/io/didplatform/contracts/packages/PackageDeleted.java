package io.didplatform.contracts.packages;

/** A package no client package used was removed. */
public record PackageDeleted(String packageId) implements PackageEvent {
    @Override
    public String subject() {
        return packageId;
    }
}
