package io.didplatform.audit.query.projection;

import io.didplatform.support.kafka.InboundEvent;

/** An event as kept in audit_event: its position in the log ({@code seq}, arrival order) and the event itself. */
public record StoredEvent(long seq, InboundEvent event) {
}
