package io.didplatform.support.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * What an event processor's dead-lettering invoker does with a failure. A dead letter that fails again when retried
 * stays in the queue, with the new cause. A fresh failure is not enqueued in the batch's transaction (PostgreSQL has
 * aborted it when a statement failed, so the enqueue would be lost with it): it fails the batch, and the processor's
 * {@link IsolatingErrorHandler} retries the batch and dead-letters what still fails, event by event, in
 * transactions of their own.
 */
class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (letter instanceof JpaDeadLetter<?>) {
            // no cause when the retry's enclosing unit of work rolled back: the letter keeps the one it has
            return Decisions.requeue(cause == null ? null : DeadLetterCauses.of(cause));
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new EventProcessingException("handling " + letter.message().getIdentifier() + " failed", cause);
    }
}
