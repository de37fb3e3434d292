package io.didplatform.contracts.packages;

/** A client package stopped being active: its DIDs go on HOLD. */
public record PackageDeactivated(String clientPackageId, String clientId, String packageId,
                                 DeactivationReason reason) implements PackageEvent {
    @Override
    public String subject() {
        return clientPackageId;
    }
}
