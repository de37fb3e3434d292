package io.didplatform.packages.web;

import io.didplatform.contracts.packages.PackageStatus;
import io.didplatform.packages.command.pkg.CreatePackage;
import io.didplatform.packages.command.pkg.DeletePackage;
import io.didplatform.packages.command.pkg.UpdatePackage;
import io.didplatform.packages.query.PackageProjection;
import io.didplatform.packages.query.PackageResponse;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.FreeText;
import io.didplatform.support.web.PageResponse;
import io.didplatform.support.web.ReadYourWrites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/packages")
class PackageController {
    private final CommandGateway commands;
    private final PackageProjection packages;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    PackageController(CommandGateway commands, PackageProjection packages, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.packages = packages;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** {@code tags} empty or absent: any DID tag; {@code status} absent: ACTIVE on create, unchanged on update. */
    record PackageRequest(@NotBlank @Size(max = 128) String name, @NotNull @Min(0) Integer didLimit, List<String> tags,
                          @FreeText @Size(max = 1000) String description, PackageStatus status) {
        List<String> tagsOrEmpty() {
            return tags == null ? List.of() : tags;
        }
    }

    @PostMapping
    ResponseEntity<PackageResponse> create(@Valid @RequestBody PackageRequest request) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePackage(id, request.name(), request.didLimit(), request.tagsOrEmpty(),
                request.description(), request.status()));
        PackageResponse created = readYourWrites.await(() -> packages.find(id)).orElseGet(() -> {
            Instant now = clock.instant();
            return new PackageResponse(id, request.name().trim(), request.didLimit(),
                    request.tagsOrEmpty().stream().map(String::trim).distinct().toList(), request.description(),
                    request.status() == null ? PackageStatus.ACTIVE : request.status(), now, now);
        });
        return ResponseEntity.created(URI.create("/api/packages/" + id)).body(created);
    }

    @PutMapping("/{id}")
    ResponseEntity<Void> update(@PathVariable String id, @Valid @RequestBody PackageRequest request) {
        Instant sent = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new UpdatePackage(id, request.name(), request.didLimit(), request.tagsOrEmpty(),
                request.description(), request.status()));
        // the update's event is stamped after it was sent, by this instance
        readYourWrites.until(() -> packages.find(id).filter(p -> !p.updatedAt().isBefore(sent)).isPresent());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        commands.sendAndWait(new DeletePackage(id));
        readYourWrites.until(() -> packages.find(id).isEmpty());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    PackageResponse get(@PathVariable String id) {
        return packages.find(id).orElseThrow(() -> DomainException.notFound("PACKAGE_NOT_FOUND", "No package " + id));
    }

    @GetMapping
    PageResponse<PackageResponse> list(@RequestParam(required = false) PackageStatus status,
                                       @RequestParam(required = false) String q,
                                       @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return packages.list(status, q, pageable);
    }
}
