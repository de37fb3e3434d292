package io.didplatform.contracts.packages;

import java.util.List;

/** A package changed; carries every attribute's new value. */
public record PackageUpdated(String packageId, String name, int didLimit, List<String> tags, String description,
                             PackageStatus status) implements PackageEvent {
    @Override
    public String subject() {
        return packageId;
    }
}
