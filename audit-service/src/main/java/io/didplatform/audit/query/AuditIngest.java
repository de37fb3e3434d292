package io.didplatform.audit.query;

import io.didplatform.audit.query.projection.Projector;
import io.didplatform.audit.query.projection.StoredEvent;
import io.didplatform.support.kafka.InboundEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Stores received events and projects the new ones, in one transaction per batch: a redelivered event is
 * already in the log and is neither stored nor projected again.
 */
@Component
public class AuditIngest {
    private final AuditLog auditLog;
    private final Projector projector;

    AuditIngest(AuditLog auditLog, Projector projector) {
        this.auditLog = auditLog;
        this.projector = projector;
    }

    /** An event as it came off a topic. */
    public record Received(InboundEvent event, String topic) {
    }

    /** Returns how many of the events were new. */
    @Transactional
    public int record(List<Received> batch) {
        projector.lock();
        List<StoredEvent> stored = auditLog.append(batch.stream()
                .map(received -> new Received(withTime(received.event()), received.topic())).toList());
        projector.project(stored);
        return stored.size();
    }

    /** An event without a time is dated when it is received; the log and the projections keep the same date. */
    private static InboundEvent withTime(InboundEvent e) {
        return e.time() != null ? e : new InboundEvent(e.id(), e.type(), e.source(), e.subject(), Instant.now(),
                e.actor(), e.correlationId(), e.causationId(), e.data(), e.raw());
    }
}
