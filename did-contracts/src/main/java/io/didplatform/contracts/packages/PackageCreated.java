package io.didplatform.contracts.packages;

import java.util.List;

/** A product was defined: how many DIDs a client may pick and which tags they may carry (empty = any). */
public record PackageCreated(String packageId, String name, int didLimit, List<String> tags, String description,
                             PackageStatus status) implements PackageEvent {
    @Override
    public String subject() {
        return packageId;
    }
}
