package io.didplatform.inventory.command.did;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A DID as it was before one of its events: its events up to there applied to a fresh aggregate by its own
 * event-sourcing handlers, so the answer is exactly what the aggregate was then (the undo of an edit restores it).
 */
@Component
public class DidHistory {
    private final EventStore events;
    private final ObjectProvider<Configuration> axon;
    private volatile AggregateModel<DidAggregate> model;

    DidHistory(EventStore events, ObjectProvider<Configuration> axon) {
        this.events = events;
        this.axon = axon;
    }

    /** The DID right before its event {@code sequence} (which must not be its first). */
    public DidSnapshot before(String number, long sequence) {
        EventSourcedAggregate<DidAggregate> did = EventSourcedAggregate.initialize(new DidAggregate(), model(), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        // from 0, not from a snapshot: the state wanted may be older than the newest snapshot
        did.initializeState(DomainEventStream.of(events.readEvents(number, 0).asStream()
                .takeWhile(event -> event.getSequenceNumber() < sequence)));
        return did.getAggregateRoot().snapshot();
    }

    /** The aggregate's model with the application's parameter resolvers (its command handlers take Spring beans). */
    private AggregateModel<DidAggregate> model() {
        if (model == null) {
            Configuration configuration = axon.getObject();
            model = AnnotatedAggregateMetaModelFactory.inspectAggregate(DidAggregate.class,
                    configuration.parameterResolverFactory(), configuration.handlerDefinition(DidAggregate.class));
        }
        return model;
    }
}
