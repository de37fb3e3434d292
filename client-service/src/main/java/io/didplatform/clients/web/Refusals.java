package io.didplatform.clients.web;

import io.didplatform.clients.query.ClientPackages.ClientPackage;
import io.didplatform.contracts.inventory.AssignmentRejection;

import java.util.Optional;

/** A refused take in people's words: why, and what would be allowed instead. */
final class Refusals {
    private Refusals() {
    }

    static String explain(String reason, String number, Optional<ClientPackage> terms) {
        AssignmentRejection rejection;
        try {
            rejection = AssignmentRejection.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return "Inventory refused " + number + ": " + reason;
        }
        return switch (rejection) {
            case TAG_NOT_ALLOWED -> number + " has a tag this client package does not allow; it allows "
                    + terms.map(cp -> cp.tags().isEmpty() ? "any tag" : "only " + String.join(", ", cp.tags()))
                    .orElse("other tags");
            case NOT_IN_STOCK -> number + " is not in stock: it is reserved, archived, blocked, on hold or another"
                    + " client's";
            case UNKNOWN_NUMBER -> "The inventory has no DID " + number;
            case PACKAGE_INACTIVE -> "The client package is not active: activate it before taking DIDs";
            case LIMIT_REACHED -> "The client package's limit"
                    + terms.map(cp -> " of " + cp.didLimit() + " DIDs").orElse("") + " is reached: give one back first";
            case RESERVED_FOR_ANOTHER_CLIENT -> number + " is reserved for another client or a sales deal until its"
                    + " reservation ends; ask the DID team to release it for you";
            case TIMEOUT -> "Inventory did not answer for " + number + " in time; the request was given up, try again";
        };
    }
}
