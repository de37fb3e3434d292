package io.didplatform.inventory.query.operator;

import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.inventory.OperatorDeleted;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.inventory.query.did.DidInventoryProjection;
import io.didplatform.support.web.PageResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operators read model. Handlers overwrite by id, so a replayed event changes nothing. It shares the DID read
 * model's processor: a processor of its own read the whole event stream again (a million DidCreated after a bulk
 * job) only to skip all but a handful of operator events.
 */
@Component
@ProcessingGroup(DidInventoryProjection.PROCESSING_GROUP)
public class OperatorProjection {
    private final OperatorViewRepository operators;

    OperatorProjection(OperatorViewRepository operators) {
        this.operators = operators;
    }

    @EventHandler
    void on(OperatorCreated event, @Timestamp Instant at) {
        operators.save(new OperatorView(event.operatorId(), event.name(), event.notes(), at));
    }

    @EventHandler
    void on(OperatorUpdated event) {
        operators.findById(event.operatorId()).ifPresent(view -> view.update(event.name(), event.notes()));
    }

    @EventHandler
    void on(OperatorDeleted event) {
        operators.deleteById(event.operatorId());
    }

    /** Every operator's name by id (operators are few: providers, not numbers). */
    public Map<String, String> namesById() {
        Map<String, String> names = new HashMap<>();
        for (OperatorView operator : operators.findAll()) {
            OperatorResponse response = operator.toResponse();
            names.put(response.id(), response.name());
        }
        return names;
    }

    public Optional<OperatorResponse> find(String id) {
        return operators.findById(id).map(OperatorView::toResponse);
    }

    /** {@code search}: part of the name, any case; null for all. */
    public PageResponse<OperatorResponse> list(String search, Pageable pageable) {
        return PageResponse.of(search == null || search.isBlank() ? operators.findAll(pageable)
                : operators.findByNameContainingIgnoreCase(search.trim(), pageable), OperatorView::toResponse);
    }
}
