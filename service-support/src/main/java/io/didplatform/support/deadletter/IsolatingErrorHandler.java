package io.didplatform.support.deadletter;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming event processor's answer to a batch that failed. Its projections write a batch's events together when
 * it commits, so a failure says which batch, not which event. The batch is retried whole, with Axon's back-off:
 * <ul>
 *     <li>for as long as the failure lasts when it passes by itself ({@link Failures#isTransient}: the database or
 *     the broker away), so an outage delays events and dead-letters none;</li>
 *     <li>otherwise {@code attempts} times in all; then each of its events is handled alone, in a transaction of
 *     its own, and one that still fails is dead-lettered. The processor then goes on past the batch, and later
 *     events of a dead-lettered event's aggregate wait behind it in the queue (Axon's sequenced dead letters), while
 *     other aggregates' events flow.</li>
 * </ul>
 */
class IsolatingErrorHandler implements ErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(IsolatingErrorHandler.class);
    private static final int REMEMBERED_BATCHES = 100;

    private final String processingGroup;
    private final Configuration configuration;
    private final int attempts;
    /** Failed attempts by the first event of a failed batch: a retried batch starts with the same event. */
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_BATCHES;
        }
    };

    IsolatingErrorHandler(String processingGroup, Configuration configuration, int attempts) {
        this.processingGroup = processingGroup;
        this.configuration = configuration;
        this.attempts = attempts;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable error = context.error();
        if (Failures.isTransient(error) || context.failedEvents().isEmpty()) {
            throw asException(error);
        }
        if (failedAttempts(context.failedEvents().get(0).getIdentifier()) < attempts) {
            log.warn("Processor {} will retry a batch of {} events that failed: {}", context.eventProcessor(),
                    context.failedEvents().size(), error.toString());
            throw asException(error);
        }
        log.warn("Processor {} handles a batch of {} events that failed {} times one by one: {}",
                context.eventProcessor(), context.failedEvents().size(), attempts, error.toString());
        isolate(context.eventProcessor(), context.failedEvents());
    }

    private synchronized int failedAttempts(String firstEventId) {
        int failed = failures.merge(firstEventId, 1, Integer::sum);
        if (failed >= attempts) {
            failures.remove(firstEventId);
        }
        return failed;
    }

    private void isolate(String processorName, List<? extends EventMessage<?>> events) throws Exception {
        Isolation isolation = new Isolation(processorName);
        for (EventMessage<?> event : events) {
            isolation.handleAlone((TrackedEventMessage<?>) event);
        }
    }

    /**
     * Handling a failed batch's events one at a time. Each event's outcome (its effects, or its dead letter) commits
     * with the processor's token advanced past it, so an event handled here is never handled again, nor a dead
     * letter discarded meanwhile queued again, should the processor stop or the next batch fail.
     */
    private final class Isolation {
        private final String processorName;
        private final AbstractEventProcessor processor;
        private final EventHandlerInvoker invoker;
        private final SequencingPolicy<? super EventMessage<?>> sequencing;
        private final SequencedDeadLetterQueue<EventMessage<?>> queue;
        private final TransactionManager transactions;
        private final TokenStore tokens;
        private final List<Segment> segments;
        private final Map<Integer, TrackingToken> positions = new HashMap<>();

        Isolation(String processorName) {
            EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
            this.processorName = processorName;
            this.processor = processing.eventProcessor(processorName, AbstractEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no event processor " + processorName));
            this.invoker = processor.eventHandlerInvoker();
            this.sequencing = processing.sequencingPolicy(processingGroup);
            this.queue = processing.deadLetterQueue(processingGroup)
                    .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processingGroup));
            this.transactions = processing.transactionManager(processorName);
            this.tokens = processing.tokenStore(processorName);
            int[] ids = transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName));
            this.segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toList();
        }

        void handleAlone(TrackedEventMessage<?> event) throws Exception {
            if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                return;
            }
            Segment segment = segments.stream().filter(s -> invoker.canHandle(event, s)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no segment of " + processorName + " takes " + event));
            TrackingToken position = positionAfter(event, segment);
            Throwable failure = handle(event, segment, position);
            if (failure == null) {
                return;
            }
            if (Failures.isTransient(failure)) {
                throw asException(failure);
            }
            Object sequence = Optional.ofNullable(sequencing.getSequenceIdentifierFor(event)).orElse(event.getIdentifier());
            transactions.executeInTransaction(() -> {
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event).withCause(DeadLetterCauses.of(failure)));
                tokens.storeToken(position, processorName, segment.getSegmentId());
            });
            forgetCachedSequences(segment);
            log.error("Dead-lettered event {} ({}, aggregate {}) in processing group {}: {}", event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), sequence, processingGroup, Failures.describe(failure));
        }

        /** Handles the event as the processor would, in a unit of work and transaction of its own; returns what failed. */
        private Throwable handle(TrackedEventMessage<?> event, Segment segment, TrackingToken position) {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.onPrepareCommit(u -> tokens.storeToken(position, processorName, segment.getSegmentId()));
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    processor.getHandlerInterceptors(), message -> {
                invoker.handle(message, segment);
                return null;
            }).proceed());
            return result.isExceptional() ? result.exceptionResult() : null;
        }

        /** The segment's token once past the event, as the processor would store it (a replay stays a replay). */
        private TrackingToken positionAfter(TrackedEventMessage<?> event, Segment segment) {
            TrackingToken current = positions.computeIfAbsent(segment.getSegmentId(), id ->
                    transactions.fetchInTransaction(() -> tokens.fetchToken(processorName, id)));
            TrackingToken next = WrappedToken.advance(current, event.trackingToken());
            positions.put(segment.getSegmentId(), next);
            return next;
        }

        /**
         * The dead-lettering invoker remembers which of a segment's sequences hold no dead letter; it must look again.
         * Told directly: the processor's invoker around it does not pass {@code segmentReleased} on.
         */
        private void forgetCachedSequences(Segment segment) {
            List<EventHandlerInvoker> invokers = invoker instanceof MultiEventHandlerInvoker multi
                    ? multi.delegates() : List.of(invoker);
            invokers.forEach(each -> each.segmentReleased(segment));
        }
    }

    private static Exception asException(Throwable error) {
        return error instanceof Exception exception ? exception : new EventProcessingException(error.getMessage(), error);
    }
}
