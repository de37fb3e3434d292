package io.didplatform.inventory.web;

import io.didplatform.contracts.HeldDid;
import io.didplatform.support.reconcile.HeldDids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A page of the DIDs clients hold here: one side of the gateway's {@code client-dids-vs-inventory}. */
@RestController
class HeldDidsController {
    private final HeldDids dids;

    HeldDidsController(HeldDids dids) {
        this.dids = dids;
    }

    @GetMapping("/api/admin/inventory/reconciliation/client-dids")
    List<HeldDid> heldDids(@RequestParam(required = false) String after, @RequestParam(required = false) String through,
                           @RequestParam(defaultValue = "10000") int limit) {
        return dids.page(after, through, limit);
    }
}
