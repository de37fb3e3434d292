package io.didplatform.contracts.packages;

import java.time.Instant;
import java.util.List;

/** A package was given to a client; {@code startsAt}/{@code endsAt} may be null (now / open-ended). */
public record ClientPackageCreated(String clientPackageId, String clientId, String packageId, int didLimit,
                                   List<String> tags, Instant startsAt, Instant endsAt) implements PackageEvent {
    @Override
    public String subject() {
        return clientPackageId;
    }
}
