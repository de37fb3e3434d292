package io.didplatform.audit.query.projection;

import io.didplatform.contracts.clients.ClientCreated;
import io.didplatform.contracts.clients.ClientUpdated;
import io.didplatform.contracts.clients.DidAssignmentConfirmed;
import io.didplatform.contracts.clients.DidAssignmentFailed;
import io.didplatform.contracts.clients.DidAssignmentRequested;
import io.didplatform.contracts.clients.DidBlockRequested;
import io.didplatform.contracts.clients.DidReturnRequested;
import io.didplatform.contracts.clients.DidRoutingChangeRequested;
import io.didplatform.contracts.clients.DidUnblockRequested;
import io.didplatform.contracts.inventory.DidAssigned;
import io.didplatform.contracts.inventory.DidAssignmentRejected;
import io.didplatform.contracts.inventory.DidBlocked;
import io.didplatform.contracts.inventory.DidChangeUndone;
import io.didplatform.contracts.inventory.DidCreated;
import io.didplatform.contracts.inventory.DidDeleted;
import io.didplatform.contracts.inventory.DidHeld;
import io.didplatform.contracts.inventory.DidReleased;
import io.didplatform.contracts.inventory.DidReservationExpired;
import io.didplatform.contracts.inventory.DidReservationExtended;
import io.didplatform.contracts.inventory.DidReservationReleased;
import io.didplatform.contracts.inventory.DidReserved;
import io.didplatform.contracts.inventory.DidRestored;
import io.didplatform.contracts.inventory.DidRoutingChanged;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.contracts.inventory.DidUnblocked;
import io.didplatform.contracts.inventory.DidUpdated;
import io.didplatform.contracts.inventory.OperatorCreated;
import io.didplatform.contracts.inventory.UndoneChange;
import io.didplatform.contracts.inventory.OperatorDeleted;
import io.didplatform.contracts.inventory.OperatorUpdated;
import io.didplatform.contracts.packages.ClientPackageCreated;
import io.didplatform.contracts.packages.ClientPackageTerminated;
import io.didplatform.contracts.packages.PackageActivated;
import io.didplatform.contracts.packages.PackageCreated;
import io.didplatform.contracts.packages.PackageDeactivated;
import io.didplatform.contracts.packages.PackageDeleted;
import io.didplatform.contracts.packages.PackageUpdated;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.didplatform.audit.query.projection.EntityKind.CLIENT;
import static io.didplatform.audit.query.projection.EntityKind.CLIENT_PACKAGE;
import static io.didplatform.audit.query.projection.EntityKind.DID;
import static io.didplatform.audit.query.projection.EntityKind.OPERATOR;
import static io.didplatform.audit.query.projection.EntityKind.PACKAGE;

/**
 * How each published event changes the entity it concerns, as plain field maps. A DID's fields are those of the
 * DID shape clients see (docs/api.md), plus {@code holdReason}; a deletion clears every field, and a creation
 * starts from none, so a re-created DID's history shows it coming back from nothing.
 */
final class Transitions {
    static final String ACTIVE = "ACTIVE";
    static final String INACTIVE = "INACTIVE";
    static final String TERMINATED = "TERMINATED";

    private Transitions() {
    }

    static Optional<Transition> of(Object payload) {
        return Optional.ofNullable(inventory(payload))
                .or(() -> Optional.ofNullable(packages(payload)))
                .or(() -> Optional.ofNullable(clients(payload)));
    }

    private static Transition inventory(Object payload) {
        if (payload instanceof OperatorCreated e) {
            return Transition.of(OPERATOR, e.operatorId(), s -> set(Map.of(), "name", e.name(), "notes", e.notes()));
        }
        if (payload instanceof OperatorUpdated e) {
            return Transition.of(OPERATOR, e.operatorId(), s -> set(s, "name", e.name(), "notes", e.notes()));
        }
        if (payload instanceof OperatorDeleted e) {
            return Transition.of(OPERATOR, e.operatorId(), s -> Map.of());
        }
        if (payload instanceof DidCreated e) {
            return Transition.of(DID, e.number(), s -> set(Map.of(), "status", e.status(), "afterHoldStatus",
                    e.afterHoldStatus(), "operatorId", e.operatorId(), "tag", e.tag(), "notes", e.notes()));
        }
        if (payload instanceof DidUpdated e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", e.status(), "afterHoldStatus",
                    e.afterHoldStatus(), "operatorId", e.operatorId(), "tag", e.tag(), "notes", e.notes()));
        }
        if (payload instanceof DidDeleted e) {
            return Transition.of(DID, e.number(), s -> Map.of());
        }
        if (payload instanceof DidChangeUndone e) {
            // an undone creation takes the DID out like a deletion; an undone edit or deletion sets its fields back
            return Transition.of(DID, e.number(), s -> !e.inInventory() ? Map.of() : set(e.undone() == UndoneChange.DELETION
                    ? Map.of() : s, "status", e.status(), "afterHoldStatus", e.afterHoldStatus(), "operatorId",
                    e.operatorId(), "tag", e.tag(), "notes", e.notes()));
        }
        if (payload instanceof DidAssigned e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", DidStatus.ACTIVE, "clientId", e.clientId(),
                    "clientPackageId", e.clientPackageId(), "destination", e.destination()));
        }
        if (payload instanceof DidAssignmentRejected e) {
            return Transition.stating(DID, e.number(), "assignmentRejected", null, e.reason());
        }
        if (payload instanceof DidRoutingChanged e) {
            return Transition.of(DID, e.number(), s -> set(s, "destination", e.destination()));
        }
        if (payload instanceof DidBlocked e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", DidStatus.BLOCKED));
        }
        if (payload instanceof DidUnblocked e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", DidStatus.ACTIVE));
        }
        if (payload instanceof DidHeld e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", DidStatus.HOLD, "holdUntil", e.holdUntil(),
                    "holdReason", e.reason(), "clientPackageId", e.clientPackageId()));
        }
        if (payload instanceof DidRestored e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", e.status(), "holdUntil", null,
                    "holdReason", null, "clientPackageId", e.clientPackageId()));
        }
        if (payload instanceof DidReleased e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", e.status(), "holdUntil", null,
                    "holdReason", null, "clientId", null, "clientPackageId", null, "destination", null));
        }
        return reservations(payload);
    }

    private static Transition reservations(Object payload) {
        if (payload instanceof DidReserved e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", DidStatus.RESERVED,
                    "reservedForClientId", e.clientId(), "reservedForDeal", e.deal(), "reservedUntil", e.reservedUntil()));
        }
        if (payload instanceof DidReservationExtended e) {
            return Transition.of(DID, e.number(), s -> set(s, "reservedUntil", e.reservedUntil()));
        }
        if (payload instanceof DidReservationReleased e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", e.status(), "reservedForClientId", null,
                    "reservedForDeal", null, "reservedUntil", null));
        }
        if (payload instanceof DidReservationExpired e) {
            return Transition.of(DID, e.number(), s -> set(s, "status", e.status(), "reservedForClientId", null,
                    "reservedForDeal", null, "reservedUntil", null));
        }
        return null;
    }

    private static Transition packages(Object payload) {
        if (payload instanceof PackageCreated e) {
            return Transition.of(PACKAGE, e.packageId(), s -> set(Map.of(), "name", e.name(), "didLimit", e.didLimit(),
                    "tags", e.tags(), "description", e.description(), "status", e.status()));
        }
        if (payload instanceof PackageUpdated e) {
            return Transition.of(PACKAGE, e.packageId(), s -> set(s, "name", e.name(), "didLimit", e.didLimit(),
                    "tags", e.tags(), "description", e.description(), "status", e.status()));
        }
        if (payload instanceof PackageDeleted e) {
            return Transition.of(PACKAGE, e.packageId(), s -> Map.of());
        }
        if (payload instanceof ClientPackageCreated e) {
            return Transition.of(CLIENT_PACKAGE, e.clientPackageId(), s -> set(Map.of(), "clientId", e.clientId(),
                    "packageId", e.packageId(), "didLimit", e.didLimit(), "tags", e.tags(), "startsAt", e.startsAt(),
                    "endsAt", e.endsAt(), "status", INACTIVE));
        }
        if (payload instanceof PackageActivated e) {
            return Transition.of(CLIENT_PACKAGE, e.clientPackageId(), s -> set(s, "status", ACTIVE,
                    "deactivationReason", null, "didLimit", e.didLimit(), "tags", e.tags()));
        }
        if (payload instanceof PackageDeactivated e) {
            return Transition.of(CLIENT_PACKAGE, e.clientPackageId(), s -> set(s, "status", INACTIVE,
                    "deactivationReason", e.reason()));
        }
        if (payload instanceof ClientPackageTerminated e) {
            return Transition.of(CLIENT_PACKAGE, e.clientPackageId(), s -> set(s, "status", TERMINATED));
        }
        return null;
    }

    private static Transition clients(Object payload) {
        if (payload instanceof ClientCreated e) {
            return Transition.of(CLIENT, e.clientId(), s -> set(Map.of(), "name", e.name(), "email", e.email(),
                    "status", e.status()));
        }
        if (payload instanceof ClientUpdated e) {
            return Transition.of(CLIENT, e.clientId(), s -> set(s, "name", e.name(), "email", e.email(),
                    "status", e.status()));
        }
        // a client's numbers: the step each event states, keyed by number (see Transition)
        if (payload instanceof DidAssignmentRequested e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()), null, "REQUESTED");
        }
        if (payload instanceof DidAssignmentConfirmed e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()), "REQUESTED", "ASSIGNED");
        }
        if (payload instanceof DidAssignmentFailed e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()), "REQUESTED", "REFUSED_" + e.reason());
        }
        if (payload instanceof DidReturnRequested e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()), "ASSIGNED", "RETURNED");
        }
        if (payload instanceof DidRoutingChangeRequested e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()) + ".destination", null, e.destination());
        }
        if (payload instanceof DidBlockRequested e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()) + ".blocked", false, true);
        }
        if (payload instanceof DidUnblockRequested e) {
            return Transition.stating(CLIENT, e.clientId(), did(e.number()) + ".blocked", true, false);
        }
        return null;
    }

    private static String did(String number) {
        return "dids." + number;
    }

    /** A copy of {@code fields} with the given name/value pairs set; a null value removes the field. */
    static Map<String, Object> set(Map<String, Object> fields, Object... namesAndValues) {
        Map<String, Object> next = new HashMap<>(fields);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = plain(namesAndValues[i + 1]);
            if (value == null) {
                next.remove((String) namesAndValues[i]);
            } else {
                next.put((String) namesAndValues[i], value);
            }
        }
        return next;
    }

    /** Values as they read back from JSON, so a stored state and a fresh one compare equal. */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }
}
