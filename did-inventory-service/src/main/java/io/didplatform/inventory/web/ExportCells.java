package io.didplatform.inventory.web;

import io.didplatform.inventory.query.did.DidResponse;
import io.didplatform.support.web.SpreadsheetText;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The columns of an export (named as the import reads them, so an export can be imported again) and the cell
 * texts of one DID. Free text that a spreadsheet would run as a formula is neutralised ({@link SpreadsheetText}),
 * and the import restores it.
 */
final class ExportCells {
    /** {@code operatorName} is for people; the import takes it when a file has no {@code operator} column. */
    static final List<String> HEADER = List.of("did", "status", "afterHoldStatus", "operator", "operatorName", "tag",
            "notes", "clientId", "clientPackageId", "destination", "holdUntil");

    private ExportCells() {
    }

    static List<String> of(DidResponse did, Map<String, String> operatorNames) {
        return Arrays.asList(did.number(), did.status().name(), did.afterHoldStatus().name(), safe(did.operatorId()),
                safe(operatorNames.get(did.operatorId())), safe(did.tag()), safe(did.notes()), safe(did.clientId()), safe(did.clientPackageId()),
                safe(did.destination()), did.holdUntil() == null ? "" : did.holdUntil().toString());
    }

    private static String safe(String text) {
        return SpreadsheetText.neutralised(text);
    }
}
