package io.didplatform.inventory.query.routing;

import io.didplatform.contracts.inventory.DidStatus;

/** Where a number routes: its status and the destination it keeps while assigned (used only when ACTIVE). */
public record Route(DidStatus status, String destination) {

    public boolean routable() {
        return status.isRoutable();
    }
}
