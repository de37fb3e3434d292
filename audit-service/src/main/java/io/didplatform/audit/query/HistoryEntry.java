package io.didplatform.audit.query;

import io.didplatform.audit.query.projection.Change;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an entity's history. {@code causedBy} names the event that caused this one (the CloudEvent
 * {@code causationid}), with its type when that event is in the log; null when nothing caused it but a request.
 * {@code undoOfJob} names the bulk job whose change of the DID this entry undid (a {@code DidChangeUndone}), else null.
 */
public record HistoryEntry(String eventId, String type, Instant at, String actor, Map<String, Change> changes,
                           CausedBy causedBy, String undoOfJob) {

    public record CausedBy(String eventId, String type) {
    }
}
