package io.didplatform.clients.web;

import io.didplatform.clients.command.BlockDid;
import io.didplatform.clients.command.ChangeDidRouting;
import io.didplatform.clients.command.ReturnDid;
import io.didplatform.clients.command.UnblockDid;
import io.didplatform.clients.query.AssignmentRequestResponse;
import io.didplatform.clients.query.ClientDidResponse;
import io.didplatform.clients.query.ClientDids;
import io.didplatform.clients.query.ClientPackages;
import io.didplatform.contracts.DidNumber;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.LateArrivals;
import io.didplatform.support.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's DIDs. Taking one answers once inventory has (201 or 409), or 202 if it has not within the wait;
 * the other changes are requests to inventory, accepted with 202 and visible in the list once inventory applied them.
 */
@RestController
@RequestMapping("/api/clients/{clientId}/dids")
class ClientDidController {
    private final CommandGateway commands;
    private final DidAssignments assignments;
    private final ClientDids dids;
    private final ClientPackages clientPackages;
    private final Duration readWait;

    ClientDidController(CommandGateway commands, DidAssignments assignments, ClientDids dids,
                        ClientPackages clientPackages, @Value("${did.web.read-wait}") Duration readWait) {
        this.clientPackages = clientPackages;
        this.commands = commands;
        this.assignments = assignments;
        this.dids = dids;
        this.readWait = readWait;
    }

    record TakeDidRequest(String number, @NotBlank @Size(max = 36) String clientPackageId, String destination) {
    }

    record RoutingRequest(String destination) {
    }

    @PostMapping
    ResponseEntity<Object> take(@PathVariable String clientId, @Valid @RequestBody TakeDidRequest request) {
        String number = DidNumber.normalise(request.number());
        String destination = Destinations.valid(request.destination());
        AssignmentRequestResponse outcome = assignments.take(clientId, number, request.clientPackageId(), destination);
        if (AssignmentRequestResponse.FAILED.equals(outcome.status())) {
            throw DomainException.conflict(outcome.reason(),
                    Refusals.explain(outcome.reason(), number, clientPackages.find(request.clientPackageId())));
        }
        if (AssignmentRequestResponse.PENDING.equals(outcome.status())) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/clients/" + clientId + "/dids/requests/" + outcome.requestId()))
                    .body(outcome);
        }
        ClientDidResponse did = dids.find(clientId, number).orElseGet(() -> new ClientDidResponse(number, "ACTIVE",
                outcome.clientPackageId(), null, destination, outcome.requestId()));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/dids/" + number)).body(did);
    }

    @GetMapping
    PageResponse<ClientDidResponse> list(@PathVariable String clientId, @PageableDefault(size = 50) Pageable pageable) {
        return dids.list(clientId, pageable);
    }

    @GetMapping("/{number}")
    ClientDidResponse get(@PathVariable String clientId, @PathVariable String number) {
        return dids.find(clientId, DidNumber.normalise(number)).orElseThrow(() ->
                DomainException.notFound("DID_NOT_FOUND", "Client " + clientId + " has no DID " + number));
    }

    /**
     * A request, as a take's 202 links to it. One stored but not yet in the view (catching up after a database
     * restart) is waited for a moment, then answered 503 to be asked again; never 404.
     */
    @GetMapping("/requests/{requestId}")
    AssignmentRequestResponse request(@PathVariable String clientId, @PathVariable UUID requestId) {
        Optional<AssignmentRequestResponse> shown = dids.request(clientId, requestId);
        if (shown.isPresent()) {
            return shown.get();
        }
        if (!dids.isStored(clientId, requestId)) {
            throw DomainException.notFound("REQUEST_NOT_FOUND", "Client " + clientId + " has no request " + requestId);
        }
        return LateArrivals.await(() -> dids.request(clientId, requestId), readWait).orElseThrow(() ->
                DomainException.unavailable("CATCHING_UP", "Request " + requestId
                        + " is recorded but not yet shown; ask again in a moment"));
    }

    @PutMapping("/{number}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void changeRouting(@PathVariable String clientId, @PathVariable String number,
                       @RequestBody RoutingRequest request) {
        commands.sendAndWait(new ChangeDidRouting(clientId, DidNumber.normalise(number),
                Destinations.valid(request.destination())));
    }

    @PostMapping("/{number}/block")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void block(@PathVariable String clientId, @PathVariable String number) {
        String did = DidNumber.normalise(number);
        refuseWhileOnHold(clientId, did, "blocked");
        commands.sendAndWait(new BlockDid(clientId, did));
    }

    @PostMapping("/{number}/unblock")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void unblock(@PathVariable String clientId, @PathVariable String number) {
        String did = DidNumber.normalise(number);
        refuseWhileOnHold(clientId, did, "unblocked");
        commands.sendAndWait(new UnblockDid(clientId, did));
    }

    /** Inventory passes over a block or unblock of a DID on hold: say so, rather than accept what will not happen. */
    private void refuseWhileOnHold(String clientId, String number, String what) {
        if (dids.find(clientId, number).filter(did -> "HOLD".equals(did.status())).isPresent()) {
            throw DomainException.conflict("DID_ON_HOLD", "DID " + number + " is on hold while its client package is"
                    + " inactive: it can be " + what + " once the package is active again");
        }
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void giveBack(@PathVariable String clientId, @PathVariable String number) {
        commands.sendAndWait(new ReturnDid(clientId, DidNumber.normalise(number)));
    }
}
