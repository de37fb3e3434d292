package io.didplatform.inventory.process.bulk;

import io.didplatform.inventory.command.did.DeleteDid;
import io.didplatform.inventory.command.did.UpdateDid;
import io.didplatform.inventory.process.job.JobProgress;
import io.didplatform.inventory.query.did.DidSearch;
import io.didplatform.support.web.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Mass edit and mass delete: one command per DID, so every aggregate rule (held DIDs, statuses) applies to each
 * and each refusal is reported for its number while the others go on. A filter is walked in number order by
 * keyset pages, so DIDs changing or disappearing under it neither stop nor repeat the walk.
 */
@Component
public class DidMassChange {
    private static final int PAGE = 1000;

    private final CommandGateway commands;
    private final DidSearch search;

    DidMassChange(CommandGateway commands, DidSearch search) {
        this.commands = commands;
        this.search = search;
    }

    public long size(DidSelection selection) {
        return selection.numbers() != null ? selection.numbers().size() : search.count(selection.filter());
    }

    public void update(DidSelection selection, UpdateDid changes, JobProgress progress, Map<String, ?> metaData) {
        forEach(selection, progress, metaData, number -> new UpdateDid(number, changes.operatorId(), changes.status(),
                changes.afterHoldStatus(), changes.tag(), changes.notes()));
    }

    public void delete(DidSelection selection, JobProgress progress, Map<String, ?> metaData) {
        forEach(selection, progress, metaData, DeleteDid::new);
    }

    private void forEach(DidSelection selection, JobProgress progress, Map<String, ?> metaData,
                         Function<String, Object> command) {
        if (selection.numbers() != null) {
            selection.numbers().forEach(number -> send(number, command, progress, metaData));
            return;
        }
        String after = null;
        List<String> page;
        do {
            String from = after;
            page = progress.step(() -> search.numbersAfter(selection.filter(), from, PAGE));
            page.forEach(number -> send(number, command, progress, metaData));
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
    }

    private void send(String number, Function<String, Object> command, JobProgress progress, Map<String, ?> metaData) {
        try {
            progress.step(() -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command.apply(number)).andMetaData(metaData)));
            progress.succeeded(1);
        } catch (DomainException e) {
            progress.failed(null, number, e.getMessage());
        } catch (AggregateNotFoundException e) {
            progress.failed(null, number, "No DID " + number);
        }
    }
}
