package io.didplatform.contracts.packages;

import java.util.List;

/** A client package became active: its client may take DIDs and its held DIDs are restored. */
public record PackageActivated(String clientPackageId, String clientId, String packageId, int didLimit,
                               List<String> tags) implements PackageEvent {
    @Override
    public String subject() {
        return clientPackageId;
    }
}
