package io.didplatform.inventory.web;

import org.springframework.web.bind.annotation.RequestParam;
import io.didplatform.inventory.command.operator.CreateOperator;
import io.didplatform.inventory.command.operator.DeleteOperator;
import io.didplatform.inventory.command.operator.UpdateOperator;
import io.didplatform.inventory.query.operator.OperatorProjection;
import io.didplatform.inventory.query.operator.OperatorResponse;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.FreeText;
import io.didplatform.support.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Operators (DID providers). Writes answer from the accepted command, since the read model follows the
 * event store asynchronously.
 */
@RestController
@RequestMapping("/api/operators")
class OperatorController {
    private final CommandGateway commands;
    private final OperatorProjection operators;

    OperatorController(CommandGateway commands, OperatorProjection operators) {
        this.commands = commands;
        this.operators = operators;
    }

    record OperatorRequest(@NotBlank @Size(max = 128) String name, @FreeText @Size(max = 1000) String notes) {
    }

    @PostMapping
    ResponseEntity<OperatorResponse> create(@Valid @RequestBody OperatorRequest request) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateOperator(id, request.name().trim(), request.notes()));
        return ResponseEntity.created(URI.create("/api/operators/" + id))
                .body(new OperatorResponse(id, request.name().trim(), request.notes(), Instant.now()));
    }

    @PutMapping("/{id}")
    OperatorResponse update(@PathVariable String id, @Valid @RequestBody OperatorRequest request) {
        commands.sendAndWait(new UpdateOperator(id, request.name().trim(), request.notes()));
        Instant createdAt = operators.find(id).map(OperatorResponse::createdAt).orElse(null);
        return new OperatorResponse(id, request.name().trim(), request.notes(), createdAt);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        commands.sendAndWait(new DeleteOperator(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    OperatorResponse get(@PathVariable String id) {
        return operators.find(id).orElseThrow(() -> DomainException.notFound("OPERATOR_NOT_FOUND", "No operator " + id));
    }

    @GetMapping
    PageResponse<OperatorResponse> list(@RequestParam(required = false) String q,
                                        @PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return operators.list(q, pageable);
    }
}
