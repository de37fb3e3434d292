package io.didplatform.clients.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.RequestParam;
import io.didplatform.clients.command.CreateClient;
import io.didplatform.clients.command.UpdateClient;
import io.didplatform.clients.query.ClientProjection;
import io.didplatform.clients.query.ClientResponse;
import io.didplatform.contracts.clients.ClientStatus;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.ReadYourWrites;
import io.didplatform.support.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@RestController
@RequestMapping("/api/clients")
class ClientController {
    private final CommandGateway commands;
    private final ClientProjection clients;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ClientController(CommandGateway commands, ClientProjection clients, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.clients = clients;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** {@code status} may be left out on creation: a new client is ACTIVE. */
    record ClientRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                         ClientStatus status) {
    }

    record ClientUpdate(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                        @NotNull ClientStatus status) {
    }

    @PostMapping
    ResponseEntity<ClientResponse> create(@Valid @RequestBody ClientRequest request) {
        String id = UUID.randomUUID().toString();
        ClientStatus status = request.status() == null ? ClientStatus.ACTIVE : request.status();
        commands.sendAndWait(new CreateClient(id, request.name().trim(), request.email().trim(), status));
        ClientResponse created = readYourWrites.await(() -> clients.find(id)).orElseGet(() -> {
            Instant now = clock.instant();
            return new ClientResponse(id, request.name().trim(), request.email().trim(), status, now, now);
        });
        return ResponseEntity.created(URI.create("/api/clients/" + id)).body(created);
    }

    @PutMapping("/{id}")
    ClientResponse update(@PathVariable String id, @Valid @RequestBody ClientUpdate request) {
        Instant sent = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new UpdateClient(id, request.name().trim(), request.email().trim(), request.status()));
        // the update's event is stamped after it was sent, by this instance
        return readYourWrites.await(() -> clients.find(id).filter(client -> !client.updatedAt().isBefore(sent)))
                .orElseGet(() -> new ClientResponse(id, request.name().trim(), request.email().trim(),
                        request.status(), clients.find(id).map(ClientResponse::createdAt).orElse(null), clock.instant()));
    }

    @GetMapping("/{id}")
    ClientResponse get(@PathVariable String id) {
        return clients.find(id).orElseThrow(() -> DomainException.notFound("CLIENT_NOT_FOUND", "No client " + id));
    }

    @GetMapping
    PageResponse<ClientResponse> list(@RequestParam(required = false) String q,
                                      @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return clients.list(q, pageable);
    }
}
