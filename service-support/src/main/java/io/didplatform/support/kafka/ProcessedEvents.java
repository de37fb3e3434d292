package io.didplatform.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which Kafka events a consumer has handled. Called inside the transaction that applies the
 * event's effect, so the effect and the mark commit together: a redelivery finds the mark and does nothing.
 * Redeliveries are counted ({@code did.kafka.redeliveries}, by consumer): the reliability scenarios read how many
 * records a fault delivered twice.
 */
public class ProcessedEvents {
    static final String REDELIVERIES = "did.kafka.redeliveries";
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public ProcessedEvents(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** True the first time this consumer sees the event id; false for every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        boolean first = jdbc.update("insert into processed_event (consumer, event_id) values (?, ?)"
                + " on conflict do nothing", consumer, eventId) == 1;
        if (!first) {
            Counter.builder(REDELIVERIES).tag("consumer", consumer)
                    .description("Kafka records delivered again to a consumer that had already applied them")
                    .register(meters).increment();
        }
        return first;
    }
}
