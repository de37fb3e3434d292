package io.didplatform.support.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A processing group's dead-letter queue (Axon's JPA queue on {@code dead_letter_entry}) that holds each event at
 * most once, and counts what it takes. An event can reach the queue twice: dead-lettered by the
 * {@link IsolatingErrorHandler} in a transaction of its own, then, should the processor stop before its token
 * passed the event, queued again behind itself when the batch is handled anew.
 */
class ProcessorDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {
    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final JdbcTemplate jdbc;
    private final DeadLetterMeters meters;

    ProcessorDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue, JdbcTemplate jdbc,
                             DeadLetterMeters meters) {
        this.processingGroup = processingGroup;
        this.queue = queue;
        this.jdbc = jdbc;
        this.meters = meters;
        meters.watch(DeadLetterMeters.AXON, processingGroup, this::size);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        if (holds(letter.message().getIdentifier())) {
            return;
        }
        queue.enqueue(sequenceIdentifier, letter);
        meters.added(DeadLetterMeters.AXON, processingGroup);
    }

    private boolean holds(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from dead_letter_entry where processing_group = ? and event_identifier = ?)",
                Boolean.class, processingGroup, eventId));
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) throws NoSuchDeadLetterException {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
