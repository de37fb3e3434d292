package io.didplatform.inventory.process;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sends many DIDs' commands fast: a batch runs in one unit of work and one transaction, so its events are
 * appended together and it commits once. Should the batch fail, each command is sent again on its own, so one
 * bad DID costs only itself.
 */
@Component
class CommandBatch {
    private static final Logger log = LoggerFactory.getLogger(CommandBatch.class);

    private final CommandGateway commands;
    private final TransactionManager transactionManager;

    CommandBatch(CommandGateway commands, TransactionManager transactionManager) {
        this.commands = commands;
        this.transactionManager = transactionManager;
    }

    /** Sends every command with {@code metaData}; true when all of them succeeded. Never throws. */
    boolean send(List<?> batch, Map<String, ?> metaData) {
        try {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactionManager);
            unitOfWork.execute(() -> batch.forEach(command -> send(command, metaData)));
            return true;
        } catch (RuntimeException batchFailed) {
            log.info("A batch of {} commands failed ({}); sending them one by one", batch.size(), batchFailed.toString());
        }
        boolean all = true;
        for (Object command : batch) {
            try {
                send(command, metaData);
            } catch (RuntimeException e) {
                log.warn("{} failed; it will be repeated", command, e);
                all = false;
            }
        }
        return all;
    }

    private void send(Object command, Map<String, ?> metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
