package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.inventory.command.registry.JdbcDidRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path for creating many DIDs: numbers that never had a DID are claimed in the registry with one
 * statement and their DidCreated events (sequence 0 of each new aggregate) appended to Axon's event store in
 * the same transaction. Still event sourcing: the events are the DIDs' first events, the outbox and the
 * projections see them like any other. Numbers with a history are returned for the one-by-one command path.
 */
@Component
public class DidBatchCreator {
    /** Axon's type name for {@link DidAggregate}'s events. */
    private static final String AGGREGATE_TYPE = DidAggregate.class.getSimpleName();

    private final JdbcDidRegistry registry;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;

    DidBatchCreator(JdbcDidRegistry registry, EventStore eventStore, TransactionTemplate transaction) {
        this.registry = registry;
        this.eventStore = eventStore;
        this.transaction = transaction;
    }

    /** What became of a batch; each number of it is in exactly one of these. */
    public record Outcome(List<NewDid> created, List<NewDid> alreadyPresent, List<NewDid> deletedBefore,
                          List<NewDid> operatorGone) {
    }

    /** Creates the batch's new numbers atomically; {@code metaData} (actor, correlation) goes on every event. */
    public Outcome create(List<NewDid> batch, Map<String, ?> metaData) {
        return transaction.execute(status -> {
            Set<String> operators = new HashSet<>();
            batch.forEach(did -> operators.add(did.operatorId()));
            Set<String> liveOperators = registry.lockExistingOperators(operators);

            List<NewDid> candidates = new ArrayList<>(batch.size());
            List<NewDid> operatorGone = new ArrayList<>();
            for (NewDid did : batch) {
                (liveOperators.contains(did.operatorId()) ? candidates : operatorGone).add(did);
            }
            Set<String> claimed = registry.claimNew(candidates.stream().map(NewDid::number).toList(),
                    candidates.stream().map(NewDid::operatorId).toList());

            List<NewDid> created = new ArrayList<>(claimed.size());
            List<NewDid> taken = new ArrayList<>();
            List<DomainEventMessage<?>> events = new ArrayList<>(claimed.size());
            for (NewDid did : candidates) {
                if (claimed.remove(did.number())) {
                    created.add(did);
                    events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, did.number(), 0L,
                            new DidCreated(did.number(), did.operatorId(), did.status(), did.afterHoldStatus(),
                                    did.tag(), did.notes()), metaData));
                } else {
                    taken.add(did);
                }
            }
            eventStore.publish(events);

            Map<String, Boolean> states = taken.isEmpty() ? Map.of() : registry.states(taken.stream().map(NewDid::number).toList());
            List<NewDid> present = new ArrayList<>();
            List<NewDid> deletedBefore = new ArrayList<>();
            for (NewDid did : taken) {
                (Boolean.FALSE.equals(states.get(did.number())) ? deletedBefore : present).add(did);
            }
            return new Outcome(created, present, deletedBefore, operatorGone);
        });
    }
}
