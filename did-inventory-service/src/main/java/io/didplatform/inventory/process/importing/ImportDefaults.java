package io.didplatform.inventory.process.importing;

/** Values for the columns a file lacks (form fields of the upload); any may be null. */
public record ImportDefaults(String operator, String status, String afterHoldStatus, String tag) {
}
