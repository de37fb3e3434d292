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
import io.didplatform.support.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    ClientDidController(CommandGateway commands, DidAssignments assignments, ClientDids dids,
                        ClientPackages clientPackages) {
        this.clientPackages = clientPackages;
        this.commands = commands;
        this.assignments = assignments;
        this.dids = dids;
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

    @GetMapping("/requests/{requestId}")
    AssignmentRequestResponse request(@PathVariable String clientId, @PathVariable UUID requestId) {
        return dids.request(clientId, requestId).orElseThrow(() ->
                DomainException.notFound("REQUEST_NOT_FOUND", "Client " + clientId + " has no request " + requestId));
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
        commands.sendAndWait(new BlockDid(clientId, DidNumber.normalise(number)));
    }

    @PostMapping("/{number}/unblock")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void unblock(@PathVariable String clientId, @PathVariable String number) {
        commands.sendAndWait(new UnblockDid(clientId, DidNumber.normalise(number)));
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void giveBack(@PathVariable String clientId, @PathVariable String number) {
        commands.sendAndWait(new ReturnDid(clientId, DidNumber.normalise(number)));
    }
}
