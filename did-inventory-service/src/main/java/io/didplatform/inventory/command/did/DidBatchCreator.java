package io.didplatform.inventory.command.did;

import io.didplatform.inventory.command.registry.JdbcDidRegistry;
import io.didplatform.support.kafka.BulkLane;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path for creating many DIDs: numbers that never had a DID are claimed in the registry with one
 * statement, and their DidCreated events (sequence 0 of each new aggregate) appended to the event store together,
 * in the same transaction. Still event sourcing: the events are the DIDs' first events, and the outbox, the
 * projections and any later command see them like any other; only the aggregates are not loaded one by one.
 * Numbers with a history are returned for the one-by-one command path.
 */
@Component
public class DidBatchCreator {
    /** Axon's type name for {@link DidAggregate}'s events. */
    private static final String AGGREGATE_TYPE = DidAggregate.class.getSimpleName();

    private final JdbcDidRegistry registry;
    private final EventStore events;
    private final TransactionTemplate transaction;
    private final Cache aggregates;
    private final Clock clock;

    DidBatchCreator(JdbcDidRegistry registry, EventStore events, TransactionTemplate transaction,
                    @Qualifier("didAggregateCache") Cache aggregates, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.transaction = transaction;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** What became of a batch; each number of it is in exactly one of these. */
    public record Outcome(List<NewDid> created, List<NewDid> alreadyPresent, List<NewDid> deletedBefore,
                          List<NewDid> operatorGone) {
    }

    /** Creates the batch's new numbers atomically; {@code metaData} (actor, correlation) goes on every event. */
    public Outcome create(List<NewDid> batch, Map<String, ?> metaData) {
        Outcome outcome = transaction.execute(status -> {
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
            for (NewDid did : candidates) {
                (claimed.remove(did.number()) ? created : taken).add(did);
            }
            appendFirstEvents(created, metaData);

            Map<String, Boolean> states = taken.isEmpty() ? Map.of() : registry.states(taken.stream().map(NewDid::number).toList());
            List<NewDid> present = new ArrayList<>();
            List<NewDid> deletedBefore = new ArrayList<>();
            for (NewDid did : taken) {
                (Boolean.FALSE.equals(states.get(did.number())) ? deletedBefore : present).add(did);
            }
            return new Outcome(created, present, deletedBefore, operatorGone);
        });
        // a command to a number nobody had created leaves an empty aggregate in the cache, now outdated
        outcome.created().forEach(did -> aggregates.remove(did.number()));
        return outcome;
    }

    /**
     * Appends each DID's DidCreated as event 0 of its aggregate (the storage engine writes them in one statement),
     * marked for the outbox's bulk lane.
     */
    private void appendFirstEvents(List<NewDid> dids, Map<String, ?> jobMetaData) {
        if (dids.isEmpty()) {
            return;
        }
        Map<String, Object> metaData = BulkLane.marked(jobMetaData);
        Instant now = clock.instant();
        events.publish(dids.stream().<EventMessage<?>>map(did -> new GenericDomainEventMessage<>(AGGREGATE_TYPE,
                did.number(), 0, did.created(), metaData, IdentifierFactory.getInstance().generateIdentifier(), now))
                .toList());
    }
}
