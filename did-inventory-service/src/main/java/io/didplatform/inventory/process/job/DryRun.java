package io.didplatform.inventory.process.job;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs a job's work so that nothing of it stays: inside one unit of work and one transaction that are always
 * rolled back. The commands it sends run in nested units of work, whose events wait for the outer one to commit
 * (so they are never appended, never handled by the registry's bookkeeping, never read by the Kafka outbox);
 * the registry rows a batch creation claims join the transaction and vanish with it; Axon removes from the
 * aggregate cache every DID a rolled-back unit of work loaded. The job's own rows are written in transactions
 * of their own ({@link JobStore}), so its report survives the rollback. One transaction for the whole run lets a
 * later row see what an earlier one would have done (a number twice in a file is reported the second time).
 */
@Component
class DryRun {
    private final TransactionManager transactionManager;

    DryRun(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    void run(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        try {
            work.run();
        } finally {
            unitOfWork.rollback();
        }
    }
}
