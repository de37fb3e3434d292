package io.didplatform.audit.query;

import java.time.Instant;

/** One stored event, as the event log lists it. */
public record AuditEventResponse(String eventId, String type, String source, String subject, String actor,
                                 Instant at, String correlationId, String causationId, String topic) {
}
