package io.didplatform.audit.query;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One stored event, as the event log lists it; {@code data} is the event's JSON payload as received. {@code stream},
 * {@code streamSeq}, {@code prevHash} and {@code hash} are its link in the audit chain (docs/design.md).
 */
public record AuditEventResponse(String eventId, String type, String source, String subject, String actor,
                                 Instant at, String correlationId, String causationId, String topic,
                                 @JsonRawValue String data, String stream, Long streamSeq, String prevHash,
                                 String hash) {
}
