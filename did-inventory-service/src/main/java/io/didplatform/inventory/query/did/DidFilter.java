package io.didplatform.inventory.query.did;

import io.didplatform.contracts.inventory.DidStatus;

/** Which DIDs a search, an export or a mass change selects; null fields select everything. */
public record DidFilter(String numberPrefix, DidStatus status, String operatorId, String tag, String clientId) {

    /** Whether it selects every DID there is. */
    public boolean selectsAll() {
        return isBlank(numberPrefix) && status == null && isBlank(operatorId) && isBlank(tag) && isBlank(clientId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public DidFilter withoutStatus() {
        return new DidFilter(numberPrefix, null, operatorId, tag, clientId);
    }
}
