package io.didplatform.inventory.command.did;

import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.inventory.command.registry.InMemoryClientPackageHoldings;
import io.didplatform.inventory.command.registry.InMemoryDidRegistry;
import io.didplatform.support.web.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.didplatform.contracts.inventory.DidStatus.ARCHIVE;
import static io.didplatform.contracts.inventory.DidStatus.IN_STOCK;
import static io.didplatform.contracts.inventory.DidStatus.RESERVED;

/** The undo of a bulk job's change of one DID: only while the job's event is the DID's last; always a new event. */
class DidUndoTest {
    private static final String NUMBER = "15550000001";
    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private AggregateTestFixture<DidAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DidAggregate.class);
        InMemoryDidRegistry registry = new InMemoryDidRegistry().withOperator("op-1").withOperator("op-2");
        fixture.registerAnnotatedCommandHandler(new DidLookupCommands(fixture.getRepository(), registry,
                new InMemoryClientPackageHoldings()));
    }

    private static DidCreated created() {
        return new DidCreated(NUMBER, "op-1", IN_STOCK, IN_STOCK, "nyc", "first");
    }

    private static DidUpdated edited() {
        return new DidUpdated(NUMBER, "op-2", ARCHIVE, IN_STOCK, "sf", null);
    }

    private static DidSnapshot asCreated() {
        return new DidSnapshot(NUMBER, IN_STOCK, IN_STOCK, "op-1", "nyc", "first", null, null, null, null);
    }

    private static org.hamcrest.Matcher<?> refusedWith(String code) {
        return Matchers.predicate(e -> e instanceof DomainException refusal && refusal.code().equals(code));
    }

    @Test
    void theUndoOfACreationTakesTheDidOutOfTheInventory() {
        fixture.given(created())
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.CREATION, 0, null))
                .expectEvents(new DidChangeUndone(NUMBER, JOB, UndoneChange.CREATION, "op-1", IN_STOCK, IN_STOCK,
                        "nyc", "first"));
    }

    @Test
    void aDidWhoseCreationWasUndoneIsNoLongerThereAndMayBeCreatedAgain() {
        DidChangeUndone removed = new DidChangeUndone(NUMBER, JOB, UndoneChange.CREATION, "op-1", IN_STOCK, IN_STOCK,
                "nyc", "first");
        fixture.given(created(), removed)
                .when(new UpdateDid(NUMBER, null, null, null, "la", null))
                .expectNoEvents()
                .expectException(refusedWith("DID_NOT_FOUND"));
        fixture.given(created(), removed)
                .when(new CreateDid(NUMBER, "op-1", null, null, null, null))
                .expectEvents(new DidCreated(NUMBER, "op-1", IN_STOCK, IN_STOCK, null, null));
    }

    @Test
    void theUndoOfAnEditGivesBackTheFieldsFromBeforeIt() {
        fixture.given(created(), edited())
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.EDIT, 1, asCreated()))
                .expectEvents(new DidChangeUndone(NUMBER, JOB, UndoneChange.EDIT, "op-1", IN_STOCK, IN_STOCK, "nyc",
                        "first"));
    }

    @Test
    void theUndoOfADeletionBringsTheDidBackAsItWas() {
        fixture.given(created(), new DidDeleted(NUMBER))
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.DELETION, 1, null))
                .expectEvents(new DidChangeUndone(NUMBER, JOB, UndoneChange.DELETION, "op-1", IN_STOCK, IN_STOCK,
                        "nyc", "first"));
    }

    @Test
    void aDidBroughtBackByAnUndoCanBeEditedAgain() {
        fixture.given(created(), new DidDeleted(NUMBER), new DidChangeUndone(NUMBER, JOB, UndoneChange.DELETION,
                        "op-1", IN_STOCK, IN_STOCK, "nyc", "first"))
                .when(new UpdateDid(NUMBER, null, RESERVED, null, null, null))
                .expectEvents(new DidUpdated(NUMBER, "op-1", RESERVED, IN_STOCK, "nyc", "first"));
    }

    @Test
    void aDidChangedAfterTheJobIsLeftAlone() {
        fixture.given(created(), edited())
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.CREATION, 0, null))
                .expectNoEvents()
                .expectException(refusedWith(UndoDidChange.CHANGED_SINCE));
    }

    @Test
    void aDidDeletedByTheJobAndCreatedAgainSinceIsLeftAlone() {
        fixture.given(created(), new DidDeleted(NUMBER), created())
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.DELETION, 1, null))
                .expectNoEvents()
                .expectException(refusedWith(UndoDidChange.CHANGED_SINCE));
    }

    @Test
    void aChangeUndoneAlreadyIsNotUndoneTwice() {
        fixture.given(created(), new DidChangeUndone(NUMBER, JOB, UndoneChange.CREATION, "op-1", IN_STOCK, IN_STOCK,
                        "nyc", "first"))
                .when(new UndoDidChange(NUMBER, JOB, UndoneChange.CREATION, 0, null))
                .expectNoEvents()
                .expectException(refusedWith(UndoDidChange.CHANGED_SINCE));
    }
}
