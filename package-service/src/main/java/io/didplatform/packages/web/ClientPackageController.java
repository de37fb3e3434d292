package io.didplatform.packages.web;

import io.didplatform.contracts.packages.DeactivationReason;
import io.didplatform.packages.command.clientpackage.ActivateClientPackage;
import io.didplatform.packages.command.clientpackage.ActivationState;
import io.didplatform.packages.command.clientpackage.ClientPackageGiven;
import io.didplatform.packages.command.clientpackage.CreateClientPackage;
import io.didplatform.packages.config.PackageSettings;
import io.didplatform.packages.command.clientpackage.DeactivateClientPackage;
import io.didplatform.packages.command.clientpackage.TerminateClientPackage;
import io.didplatform.packages.command.lookup.KnownClients;
import io.didplatform.packages.query.ClientPackageProjection;
import io.didplatform.packages.query.ClientPackageResponse;
import io.didplatform.packages.query.ClientPackageStatus;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.LateArrivals;
import io.didplatform.support.web.PageResponse;
import io.didplatform.support.web.ReadYourWrites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/client-packages")
class ClientPackageController {
    private final CommandGateway commands;
    private final ClientPackageProjection clientPackages;
    private final KnownClients clients;
    private final Duration clientWait;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ClientPackageController(CommandGateway commands, ClientPackageProjection clientPackages, KnownClients clients,
                            PackageSettings settings, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.clientPackages = clientPackages;
        this.clients = clients;
        this.clientWait = settings.clientWait();
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    record ClientPackageRequest(@NotBlank String clientId, @NotBlank String packageId, Instant startsAt, Instant endsAt) {
    }

    /** What activate/deactivate answer: the state now, and whether this request changed it. */
    record ActivationResponse(String id, boolean active, boolean changed) {
    }

    /** Answers with what was created; {@code status} PENDING until {@code startsAt}, else ACTIVE. */
    @PostMapping
    ResponseEntity<ClientPackageResponse> create(@Valid @RequestBody ClientPackageRequest request) {
        // a client created a moment ago reaches this service over client.events a second or two later; the
        // command still decides whether the client exists
        LateArrivals.until(() -> clients.exists(request.clientId()), clientWait);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ClientPackageGiven given = commands.sendAndWait(new CreateClientPackage(id, request.clientId(),
                request.packageId(), request.startsAt(), request.endsAt(), now));
        ClientPackageStatus status = given.active() ? ClientPackageStatus.ACTIVE : ClientPackageStatus.PENDING;
        // the view may show the creation a moment before the activation that came with it: wait for both
        ClientPackageResponse created = readYourWrites.await(() -> clientPackages.find(id)
                .filter(view -> view.status() == status)).orElseGet(() ->
                new ClientPackageResponse(id, request.clientId(), request.packageId(), status, null,
                        given.didLimit(), 0, given.tags(), request.startsAt(), request.endsAt(), now, now));
        return ResponseEntity.created(URI.create("/api/client-packages/" + id)).body(created);
    }

    @PostMapping("/{id}/activate")
    ActivationResponse activate(@PathVariable String id) {
        return answer(id, commands.sendAndWait(new ActivateClientPackage(id, clock.instant())));
    }

    @PostMapping("/{id}/deactivate")
    ActivationResponse deactivate(@PathVariable String id) {
        return answer(id, commands.sendAndWait(new DeactivateClientPackage(id, DeactivationReason.MANUAL)));
    }

    /** Terminates the client package for good; its DIDs are given back. Terminating it again changes nothing. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> terminate(@PathVariable String id) {
        commands.sendAndWait(new TerminateClientPackage(id));
        readYourWrites.until(() -> clientPackages.find(id).filter(cp -> cp.status() == ClientPackageStatus.TERMINATED).isPresent());
        return ResponseEntity.noContent().build();
    }

    private ActivationResponse answer(String id, ActivationState state) {
        if (state.changed()) {
            readYourWrites.until(() -> clientPackages.find(id)
                    .filter(cp -> (cp.status() == ClientPackageStatus.ACTIVE) == state.active()).isPresent());
        }
        return new ActivationResponse(id, state.active(), state.changed());
    }

    @GetMapping("/{id}")
    ClientPackageResponse get(@PathVariable String id) {
        return clientPackages.find(id)
                .orElseThrow(() -> DomainException.notFound("CLIENT_PACKAGE_NOT_FOUND", "No client package " + id));
    }

    @GetMapping
    PageResponse<ClientPackageResponse> list(@RequestParam(required = false) String clientId,
                                             @RequestParam(required = false) String packageId,
                                             @RequestParam(required = false) ClientPackageStatus status,
                                             @PageableDefault(size = 50, sort = "createdAt") Pageable pageable) {
        return clientPackages.list(clientId, packageId, status, pageable);
    }
}
