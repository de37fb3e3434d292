package io.didplatform.inventory.command.did;

import io.didplatform.contracts.DidNumber;
import io.didplatform.contracts.InvalidDidNumberException;
import io.didplatform.contracts.inventory.DidStatus;
import io.didplatform.support.web.DomainException;

import java.util.List;
import java.util.Locale;

/**
 * The rules of a DID's fields, wherever they are set: one DID's create or edit, a bulk creation (which builds a
 * {@link NewDid}), a mass edit (which sends each DID the edit command). Staff set only IN_STOCK, RESERVED or
 * ARCHIVE (a client's statuses come from its lifecycle); a tag or notes is trimmed, and blank means none.
 */
public final class DidFields {
    public static final int MAX_TAG = 100;
    public static final int MAX_NOTES = 1000;

    private DidFields() {
    }

    public static void requireNumber(String number) {
        if (!DidNumber.isNormalised(number)) {
            throw DomainException.invalid(InvalidDidNumberException.CODE, DidNumber.refusal(number));
        }
    }

    /** A status staff may set; {@code field} names it in the refusal. */
    public static DidStatus settable(DidStatus requested, String field) {
        if (!requested.isStaffSettable()) {
            throw DomainException.invalid("STATUS_NOT_SETTABLE", field + " " + requested
                    + " cannot be set by hand; use IN_STOCK, RESERVED or ARCHIVE");
        }
        return requested;
    }

    /** A status a request may leave out or name: none, or one staff may set. */
    public static DidStatus settableOrNone(DidStatus requested, String field) {
        return requested == null ? null : settable(requested, field);
    }

    /** A new DID's status: IN_STOCK when none is given. */
    public static DidStatus initial(DidStatus requested, String field) {
        return requested == null ? DidStatus.IN_STOCK : settable(requested, field);
    }

    /** A status written as text (any case, e.g. an imported cell), or null when blank. */
    public static DidStatus status(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DidStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("INVALID_STATUS", field + " '" + text.trim() + "' is not a status");
        }
    }

    public static String tag(String text) {
        return trimmed(text, "tag", MAX_TAG);
    }

    public static String notes(String text) {
        return trimmed(text, "notes", MAX_NOTES);
    }

    /** Whether a client package naming {@code allowedTags} (none: any tag) may take a DID tagged {@code tag}. */
    static boolean tagAllowed(String tag, List<String> allowedTags) {
        return allowedTags == null || allowedTags.isEmpty() || tag != null && allowedTags.contains(tag);
    }

    private static String trimmed(String text, String field, int max) {
        String value = text == null || text.isBlank() ? null : text.trim();
        if (value != null && value.length() > max) {
            throw DomainException.invalid("TEXT_TOO_LONG", field + " longer than " + max + " characters");
        }
        return value;
    }
}
