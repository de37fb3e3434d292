package io.didplatform.support.kafka;

import java.time.Clock;
import java.time.Instant;

/** A CloudEvent read from Kafka: its attributes, its JSON data, and the whole event as received. */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String actor,
                           String correlationId, String causationId, String data, String raw) {

    /** When the event happened; for an event that does not say, now, when it is received. */
    public Instant timeOrNow(Clock clock) {
        return time != null ? time : clock.instant();
    }
}
