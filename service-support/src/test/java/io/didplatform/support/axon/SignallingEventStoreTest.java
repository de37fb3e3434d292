package io.didplatform.support.axon;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SignallingEventStoreTest {
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private SignallingEventStore store;

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamCallsBackOnceAnEventStoredHereCanBeRead() throws InterruptedException {
        store = store(TimeUnit.HOURS.toMillis(1)); // only the commit can wake the store's reader
        TrackingEventStream stream = caughtUpStream();
        Semaphore calledBack = new Semaphore(0);
        assertThat(stream.setOnAvailableCallback(calledBack::release)).isTrue();

        store.publish(event(0));

        assertThat(calledBack.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).as("readable when called back").isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 0");
    }

    @Test
    void anEventAnotherInstanceStoredIsSignalledWithinTheFetchDelay() throws InterruptedException {
        store = store(20);
        TrackingEventStream stream = caughtUpStream();
        Semaphore calledBack = new Semaphore(0);
        stream.setOnAvailableCallback(calledBack::release);

        storage.appendEvents(event(0)); // as another instance would: straight into the storage, no commit here

        assertThat(calledBack.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
    }

    @Test
    void aClosedStreamIsNotCalledBack() throws InterruptedException {
        store = store(TimeUnit.HOURS.toMillis(1));
        TrackingEventStream closed = caughtUpStream();
        AtomicInteger closedCalls = new AtomicInteger();
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        TrackingEventStream open = caughtUpStream();
        Semaphore openCalledBack = new Semaphore(0);
        open.setOnAvailableCallback(openCalledBack::release);
        closed.close();

        store.publish(event(0));

        assertThat(openCalledBack.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closedCalls).hasValue(0);
    }

    private SignallingEventStore store(long fetchDelayMillis) {
        return SignallingEventStore.create(EmbeddedEventStore.builder().fetchDelay(fetchDelayMillis)
                .timeUnit(TimeUnit.MILLISECONDS), storage);
    }

    /** A stream that has read everything stored, so it follows new events through the store's reader. */
    private TrackingEventStream caughtUpStream() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private static GenericDomainEventMessage<String> event(long sequence) {
        return new GenericDomainEventMessage<>("Did", "did-1", sequence, "event " + sequence);
    }
}
