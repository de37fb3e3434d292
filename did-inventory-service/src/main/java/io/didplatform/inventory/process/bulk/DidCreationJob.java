package io.didplatform.inventory.process.bulk;

import io.didplatform.inventory.config.BulkSettings;
import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.inventory.command.did.DidBatchCreator;
import io.didplatform.inventory.command.did.DidFields;
import io.didplatform.inventory.command.did.NewDid;
import io.didplatform.inventory.command.registry.JdbcDidRegistry;
import io.didplatform.inventory.process.job.JobProgress;
import io.didplatform.support.web.DomainException;
import io.didplatform.support.web.TextRule;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Creates DIDs from rows (a range, a list, an import) inside a job: each row validated on its own (its error
 * reported, the others go on), new numbers in batches through {@link DidBatchCreator}, numbers deleted before
 * through the CreateDid command, numbers already present reported as such.
 */
@Component
public class DidCreationJob {
    private static final String NUMBER_FIELD = "did";

    private final DidBatchCreator creator;
    private final JdbcDidRegistry registry;
    private final CommandGateway commands;
    private final int batchSize;

    DidCreationJob(DidBatchCreator creator, JdbcDidRegistry registry, CommandGateway commands,
                   BulkSettings settings) {
        this.creator = creator;
        this.registry = registry;
        this.commands = commands;
        this.batchSize = settings.batchSize();
    }

    /** Runs over every row; {@code metaData} carries the requesting actor and the job's correlation id. */
    public void run(Iterator<DidRow> rows, JobProgress progress, Map<String, ?> metaData) {
        Session session = open(progress, metaData);
        rows.forEachRemaining(session::accept);
        session.finish();
    }

    /** For rows pushed by a reader (an import): accept each, then finish. */
    public Session open(JobProgress progress, Map<String, ?> metaData) {
        return new Session(progress, metaData);
    }

    /** One job's creation: rows collected into batches; each full batch written at once. */
    public final class Session {
        private final JobProgress progress;
        private final Map<String, ?> metaData;
        private final Map<String, Optional<String>> operators = new HashMap<>();
        private final List<NewDid> batch = new ArrayList<>(batchSize);
        private final Map<NewDid, DidRow> origin = new IdentityHashMap<>();

        private Session(JobProgress progress, Map<String, ?> metaData) {
            this.progress = progress;
            this.metaData = metaData;
        }

        public void accept(DidRow row) {
            String error = badText(row);
            if (error == null) {
                error = validate(row);
            }
            if (error != null) {
                progress.failed(row.row(), reportable(row.number()), error);
            }
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        public void finish() {
            flush();
        }

        private String validate(DidRow row) {
            String number;
            try {
                number = DidNumber.normalise(row.number());
            } catch (InvalidDidNumberException e) {
                return e.getMessage();
            }
            if (row.operator() == null || row.operator().isBlank()) {
                return "operator missing: give an operator column or an operatorId";
            }
            Optional<String> operatorId = operators.computeIfAbsent(row.operator().trim(),
                    ref -> Optional.ofNullable(registry.resolveOperator(ref)));
            if (operatorId.isEmpty()) {
                return "unknown operator '" + row.operator().trim() + "'";
            }
            NewDid did;
            try {
                did = new NewDid(number, operatorId.get(), DidFields.status(row.status(), "status"),
                        DidFields.status(row.afterHoldStatus(), "afterHoldStatus"), row.tag(), row.notes());
            } catch (DomainException e) {
                return e.getMessage();
            }
            batch.add(did);
            origin.put(did, row);
            return null;
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            DidBatchCreator.Outcome outcome = progress.step(() -> creator.create(batch, metaData));
            progress.succeeded(outcome.created().size());
            for (NewDid did : outcome.alreadyPresent()) {
                progress.failed(origin.get(did).row(), did.number(), alreadyPresent(did));
            }
            for (NewDid did : outcome.operatorGone()) {
                progress.failed(origin.get(did).row(), did.number(), "operator " + did.operatorId() + " was deleted");
            }
            for (NewDid did : outcome.deletedBefore()) {
                try {
                    progress.step(() -> commands.sendAndWait(
                            GenericCommandMessage.asCommandMessage(did.toCommand()).andMetaData(metaData)));
                    progress.succeeded(1);
                } catch (DomainException e) {
                    progress.failed(origin.get(did).row(), did.number(),
                            "DID_EXISTS".equals(e.code()) ? alreadyPresent(did) : e.getMessage());
                }
            }
            batch.clear();
            origin.clear();
        }
    }

    /**
     * The first of the row's texts that breaks {@link TextRule}, named by the import's column: JSON requests were
     * held to it already, an imported cell is held here.
     */
    private static String badText(DidRow row) {
        return Stream.of(TextRule.violation(NUMBER_FIELD, row.number(), false),
                        TextRule.violation("operator", row.operator(), false),
                        TextRule.violation("status", row.status(), false),
                        TextRule.violation("afterHoldStatus", row.afterHoldStatus(), false),
                        TextRule.violation("tag", row.tag(), false),
                        TextRule.violation("notes", row.notes(), true))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The number as the report shows it: the report is stored in PostgreSQL, which takes no NUL. */
    private static String reportable(String number) {
        return TextRule.violation(NUMBER_FIELD, number, false) == null ? number : null;
    }

    private static String alreadyPresent(NewDid did) {
        return "already present: DID " + did.number() + " exists";
    }
}
