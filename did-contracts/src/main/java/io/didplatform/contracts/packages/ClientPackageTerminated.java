package io.didplatform.contracts.packages;

/** A client package ended for good: its DIDs are held with reason RELEASED, never restored. */
public record ClientPackageTerminated(String clientPackageId, String clientId, String packageId) implements PackageEvent {
    @Override
    public String subject() {
        return clientPackageId;
    }
}
