package io.didplatform.inventory.web;

import io.didplatform.contracts.HeldDid;
import io.didplatform.inventory.query.did.DidSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Every DID a client holds, as the DID view shows it: one side of the gateway's {@code client-dids-vs-inventory}. */
@RestController
class HeldDidsController {
    private final DidSearch dids;

    HeldDidsController(DidSearch dids) {
        this.dids = dids;
    }

    @GetMapping("/api/admin/inventory/reconciliation/client-dids")
    List<HeldDid> heldDids() {
        return dids.heldDids();
    }
}
