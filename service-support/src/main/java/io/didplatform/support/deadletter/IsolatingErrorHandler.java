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
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
 * The token passes the batch with the processor's next batch; should the processor stop before, the batch is
 * handled again: its events change nothing the second time, and its dead letters are queued once
 * ({@link ProcessorDeadLetterQueue}).
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
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + processorName));
        EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processingGroup));
        // the processing group's own invoker: the processor's invoker around it does not pass segmentReleased on
        EventHandlerInvoker deadLettering = (EventHandlerInvoker) processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no dead-lettering invoker for " + processingGroup));
        TransactionManager transactions = processing.transactionManager(processorName);
        List<Segment> segments = segments(processorName, processing.tokenStore(processorName), transactions);
        for (EventMessage<?> event : events) {
            if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                continue;
            }
            Segment segment = segments.stream().filter(s -> invoker.canHandle(event, s)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no segment of " + processorName + " takes " + event));
            Throwable failure = handleAlone(event, segment, processor, invoker, transactions);
            if (failure == null) {
                continue;
            }
            if (Failures.isTransient(failure)) {
                throw asException(failure);
            }
            Object sequence = Optional.ofNullable(processing.sequencingPolicy(processingGroup).getSequenceIdentifierFor(event))
                    .orElse(event.getIdentifier());
            transactions.executeInTransaction(() -> queue.enqueue(sequence,
                    new GenericDeadLetter<>(sequence, event).withCause(DeadLetterCauses.of(failure))));
            // the invoker remembers which of the segment's sequences hold no dead letter: it must look again
            deadLettering.segmentReleased(segment);
            log.error("Dead-lettered event {} ({}, aggregate {}) in processing group {}: {}", event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), sequence, processingGroup, Failures.describe(failure));
        }
    }

    /** The processor's segments, as its token store has them: each event belongs to exactly one. */
    private static List<Segment> segments(String processorName, TokenStore tokens, TransactionManager transactions) {
        int[] ids = transactions.fetchInTransaction(() -> tokens.fetchSegments(processorName));
        return Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toList();
    }

    /** Handles the event as the processor would, alone in a unit of work and transaction; returns what failed. */
    private static Throwable handleAlone(EventMessage<?> event, Segment segment, StreamingEventProcessor processor,
                                         EventHandlerInvoker invoker, TransactionManager transactions) {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                ((AbstractEventProcessor) processor).getHandlerInterceptors(), message -> {
            invoker.handle(message, segment);
            return null;
        }).proceed());
        return result.isExceptional() ? result.exceptionResult() : null;
    }

    private static Exception asException(Throwable error) {
        return error instanceof Exception exception ? exception : new EventProcessingException(error.getMessage(), error);
    }
}
