package io.didplatform.inventory.process.bulk;

/**
 * One DID to create, as given (an import row, a list element or a range member): raw text, validated by
 * {@link DidCreationJob}. {@code row} is the import row number (header = 1) or null. {@code operator} is an
 * operator id or name.
 */
public record DidRow(Long row, String number, String operator, String status, String afterHoldStatus, String tag,
                     String notes) {
}
