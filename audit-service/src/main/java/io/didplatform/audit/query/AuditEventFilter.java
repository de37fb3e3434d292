package io.didplatform.audit.query;

import java.time.Instant;

/** What the event log may be filtered by; every field optional. */
public record AuditEventFilter(String type, String subject, String actor, String correlationId, Instant from,
                               Instant to) {
}
