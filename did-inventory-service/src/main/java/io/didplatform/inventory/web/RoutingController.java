package io.didplatform.inventory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.inventory.command.did.DidNumbers;
import io.didplatform.inventory.query.routing.Route;
import io.didplatform.inventory.query.routing.RoutingTable;
import io.didplatform.support.web.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lookup switches call: may a call to this number be routed, and where. Answered from memory. */
@RestController
@RequestMapping("/api/routing")
class RoutingController {
    private final RoutingTable table;

    RoutingController(RoutingTable table) {
        this.table = table;
    }

    /** {@code destination} only when routable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoutingAnswer(String number, boolean routable, DidStatus status, String destination) {
    }

    @GetMapping("/{number}")
    RoutingAnswer route(@PathVariable String number) {
        String normalised = DidNumbers.require(number);
        Route route = table.find(normalised)
                .orElseThrow(() -> DomainException.notFound("DID_NOT_FOUND", "No DID " + normalised));
        return new RoutingAnswer(normalised, route.routable(), route.status(), route.routable() ? route.destination() : null);
    }
}
