package io.didplatform.audit.query.chain;

import io.didplatform.audit.query.projection.Projector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, chains the events stored before the chain existed, in log order, in one transaction holding the
 * projection lock exclusively: live events wait and are chained after them. With nothing to chain it costs one
 * indexed look-up; another instance starting at the same time waits, then finds nothing left.
 */
@Component
class ChainBackfill implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ChainBackfill.class);

    private final AuditChain chain;
    private final Projector projector;
    private final TransactionTemplate transaction;

    ChainBackfill(AuditChain chain, Projector projector, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.projector = projector;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        Long linked = transaction.execute(status -> {
            projector.lockExclusive();
            return chain.chainStored();
        });
        if (linked != null && linked > 0) {
            log.info("Chained {} audit events stored before the chain", linked);
        }
    }
}
