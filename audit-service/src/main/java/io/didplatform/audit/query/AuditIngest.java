package io.didplatform.audit.query;

import io.didplatform.audit.query.chain.AuditChain;
import io.didplatform.audit.query.chain.ChainEntry;
import io.didplatform.audit.query.projection.Projector;
import io.didplatform.audit.query.projection.StoredEvent;
import io.didplatform.support.kafka.InboundEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Chains, stores and projects the new events received, in one transaction per batch: a redelivered event is
 * already in the log and is neither chained, stored nor projected again. What needs no state (reading each payload,
 * choosing its transition, asking the database for the stored form the hash covers) is done before the transaction
 * and its lock, so that listener threads prepare their batches while another one writes.
 */
@Component
public class AuditIngest {
    private final AuditLog auditLog;
    private final Projector projector;
    private final AuditChain chain;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AuditIngest(AuditLog auditLog, Projector projector, AuditChain chain, PlatformTransactionManager transactions,
                Clock clock) {
        this.auditLog = auditLog;
        this.projector = projector;
        this.chain = chain;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** An event as it came off a topic. */
    public record Received(InboundEvent event, String topic) {
    }

    /** Returns how many of the events were new. */
    public int record(List<Received> batch) {
        List<Received> dated = batch.stream().map(received -> new Received(withTime(received.event()), received.topic()))
                .toList();
        List<InboundEvent> events = dated.stream().map(Received::event).toList();
        Projector.Prepared prepared = projector.prepare(events);
        List<ChainEntry> entries = chain.prepare(events, dated.stream().map(Received::topic).toList());
        Integer stored = transaction.execute(status -> {
            projector.lockShared();
            List<StoredEvent> appended = auditLog.append(dated, chain.link(entries));
            projector.project(appended, prepared);
            return appended.size();
        });
        return stored == null ? 0 : stored;
    }

    /** An event without a time is dated when it is received; the log and the projections keep the same date. */
    private InboundEvent withTime(InboundEvent e) {
        return e.time() != null ? e : new InboundEvent(e.id(), e.type(), e.source(), e.subject(), clock.instant(),
                e.actor(), e.correlationId(), e.causationId(), e.data(), e.raw());
    }
}
