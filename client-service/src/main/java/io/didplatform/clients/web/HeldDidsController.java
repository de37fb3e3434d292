package io.didplatform.clients.web;

import io.didplatform.clients.query.ClientDids;
import io.didplatform.contracts.HeldDid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Every DID a client holds, as the client DIDs show it: one side of the gateway's {@code client-dids-vs-inventory}. */
@RestController
class HeldDidsController {
    private final ClientDids dids;

    HeldDidsController(ClientDids dids) {
        this.dids = dids;
    }

    @GetMapping("/api/admin/clients/reconciliation/client-dids")
    List<HeldDid> heldDids() {
        return dids.held();
    }
}
