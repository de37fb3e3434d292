package io.didplatform.support.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's embedded event store, with streams that tell a pooled streaming processor the moment events arrive.
 * <p>
 * The stock store's streams cannot call back, so a pooled streaming processor that has caught up looks for new
 * events only every 500 ms (Axon's {@code Coordinator}, a fixed delay): every processor an event crosses — the
 * outbox to Kafka, a projection — added up to half a second, and a take crosses three (issue 18, T1). Here the
 * store's one reader of new events (its producer, which reads with {@code mayBlock}) signals every open stream's
 * callback once the events it read are in the store's cache, where the processors read them next.
 * <p>
 * The producer reads at once after a commit in this JVM, and every {@code fetchDelay} otherwise: that bounds how
 * long an event appended by another instance of the service waits before this one's processors see it.
 */
public final class SignallingEventStore extends EmbeddedEventStore {
    private final Set<Runnable> callbacks;

    private SignallingEventStore(Builder builder, Set<Runnable> callbacks) {
        super(builder);
        this.callbacks = callbacks;
    }

    /** {@code builder}: configured but for its storage engine, which is {@code storageEngine} here. */
    public static SignallingEventStore create(Builder builder, EventStorageEngine storageEngine) {
        Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
        SignallingStorageEngine signalling = new SignallingStorageEngine(storageEngine,
                () -> callbacks.forEach(Runnable::run));
        return new SignallingEventStore(builder.storageEngine(signalling), callbacks);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallingBackStream(super.openStream(trackingToken));
    }

    /** A stream of the store that calls its processor back when events arrive, until it is closed. */
    private final class CallingBackStream implements TrackingEventStream {
        private final TrackingEventStream events;
        private volatile Runnable callback;

        CallingBackStream(TrackingEventStream events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            events.close();
        }
    }

    /**
     * Runs {@code delivered} each time a blocking read (the producer's) has handed all the events it found to its
     * reader; the reader consumes the stream to its end before it reads again.
     */
    static <T> Stream<T> signallingAtTheEnd(Stream<T> events, Runnable delivered) {
        Spliterator<T> source = events.spliterator();
        Spliterator<T> signalling = new Spliterators.AbstractSpliterator<>(source.estimateSize(),
                source.characteristics() & Spliterator.ORDERED) {
            private boolean any;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (source.tryAdvance(action)) {
                    any = true;
                    return true;
                }
                if (any) {
                    any = false;
                    delivered.run();
                }
                return false;
            }
        };
        return StreamSupport.stream(signalling, false).onClose(events::close);
    }
}
