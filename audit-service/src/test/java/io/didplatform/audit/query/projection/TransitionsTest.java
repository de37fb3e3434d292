package io.didplatform.audit.query.projection;

import io.didplatform.contracts.clients.DidAssignmentFailed;
import io.didplatform.contracts.inventory.AssignmentRejection;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.DeactivationReason;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTest {
    private static final Map<String, Object> HELD = Map.of("status", "HOLD", "afterHoldStatus", "ARCHIVE",
            "operatorId", "op", "tag", "nyc", "clientId", "c1", "clientPackageId", "cp1", "destination", "sip:a@pbx",
            "holdUntil", "2026-02-01T00:00:00Z", "holdReason", "RELEASED");

    @Test
    void releaseClearsTheClientFieldsAndTakesTheAfterHoldStatus() {
        Transition release = Transitions.of(new DidReleased("15550001", DidStatus.ARCHIVE)).orElseThrow();

        Map<String, Change> changes = Projector.diff(HELD, release.fields().apply(HELD));

        assertThat(changes).containsOnly(
                Map.entry("status", new Change("HOLD", "ARCHIVE")),
                Map.entry("clientId", new Change("c1", null)),
                Map.entry("clientPackageId", new Change("cp1", null)),
                Map.entry("destination", new Change("sip:a@pbx", null)),
                Map.entry("holdUntil", new Change("2026-02-01T00:00:00Z", null)),
                Map.entry("holdReason", new Change("RELEASED", null)));
    }

    @Test
    void deletionClearsEveryFieldAndCreationStartsFromNothing() {
        Map<String, Object> deleted = Transitions.of(new DidDeleted("15550001")).orElseThrow().fields().apply(HELD);
        Map<String, Object> created = Transitions.of(new DidCreated("15550001", "op2", DidStatus.RESERVED,
                DidStatus.IN_STOCK, null, "")).orElseThrow().fields().apply(deleted);

        assertThat(deleted).isEmpty();
        assertThat(created).containsOnly(Map.entry("status", "RESERVED"), Map.entry("afterHoldStatus", "IN_STOCK"),
                Map.entry("operatorId", "op2"), Map.entry("notes", ""));
    }

    @Test
    void anUndoneCreationClearsEveryFieldAndAnUndoneEditOrDeletionSetsThemBack() {
        UUID job = UUID.randomUUID();
        Map<String, Object> inStock = Map.of("status", "IN_STOCK", "afterHoldStatus", "IN_STOCK", "operatorId", "op",
                "tag", "nyc");
        Map<String, Object> removed = Transitions.of(new DidChangeUndone("15550001", job, UndoneChange.CREATION, "op",
                DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", null)).orElseThrow().fields().apply(inStock);
        Map<String, Object> restored = Transitions.of(new DidChangeUndone("15550001", job, UndoneChange.DELETION, "op",
                DidStatus.IN_STOCK, DidStatus.IN_STOCK, "nyc", null)).orElseThrow().fields().apply(Map.of());
        Map<String, Object> editUndone = Transitions.of(new DidChangeUndone("15550001", job, UndoneChange.EDIT, "op",
                DidStatus.ARCHIVE, DidStatus.IN_STOCK, null, "n")).orElseThrow().fields().apply(inStock);

        assertThat(removed).isEmpty();
        assertThat(restored).isEqualTo(inStock);
        assertThat(Projector.diff(inStock, editUndone)).containsOnly(
                Map.entry("status", new Change("IN_STOCK", "ARCHIVE")),
                Map.entry("tag", new Change("nyc", null)),
                Map.entry("notes", new Change(null, "n")));
    }

    @Test
    void eventsConcernTheEntityTheyAreAbout() {
        assertThat(Transitions.of(new PackageDeactivated("cp1", "c1", "p1", DeactivationReason.MANUAL)).orElseThrow())
                .extracting(Transition::kind, Transition::entityId).containsExactly(EntityKind.CLIENT_PACKAGE, "cp1");
        Transition failed = Transitions.of(new DidAssignmentFailed("c1", UUID.randomUUID(), "15550001", "cp1",
                AssignmentRejection.LIMIT_REACHED)).orElseThrow();
        assertThat(failed.kind()).isEqualTo(EntityKind.CLIENT);
        assertThat(failed.statedChanges()).containsExactly(
                Map.entry("dids.15550001", new Change("REQUESTED", "REFUSED_LIMIT_REACHED")));
    }

    @Test
    void unknownPayloadsConcernNoEntity() {
        assertThat(Transitions.of("not an event")).isEmpty();
    }
}
