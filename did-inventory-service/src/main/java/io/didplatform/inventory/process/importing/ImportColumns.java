package io.didplatform.inventory.process.importing;

import io.didplatform.inventory.process.bulk.DidRow;
import io.didplatform.support.web.SpreadsheetText;

import java.util.List;
import java.util.Locale;

/** Where each known column is in the header (case-insensitive), and how a data row becomes a {@link DidRow}. */
final class ImportColumns {
    private final int did;
    private final int operator;
    private final int operatorName;
    private final int status;
    private final int afterHoldStatus;
    private final int tag;
    private final int notes;
    private final ImportDefaults defaults;

    private ImportColumns(List<String> header, ImportDefaults defaults) {
        List<String> names = header.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
        this.did = names.indexOf("did");
        this.operator = names.indexOf("operator");
        this.operatorName = names.indexOf("operatorname");
        this.status = names.indexOf("status");
        this.afterHoldStatus = names.indexOf("afterholdstatus");
        this.tag = names.indexOf("tag");
        this.notes = names.indexOf("notes");
        this.defaults = defaults;
    }

    static ImportColumns of(List<String> header, ImportDefaults defaults) {
        ImportColumns columns = new ImportColumns(header, defaults);
        if (columns.did < 0) {
            throw new UnreadableFileException("The first row must be a header with a 'did' column (and optionally "
                    + "operator or operatorName, status, afterHoldStatus, tag, notes); found " + header);
        }
        return columns;
    }

    DidRow row(long rowNumber, List<String> cells) {
        return new DidRow(rowNumber, cell(cells, did, null), cell(cells, operator, cell(cells, operatorName, defaults.operator())),
                cell(cells, status, defaults.status()), cell(cells, afterHoldStatus, defaults.afterHoldStatus()),
                cell(cells, tag, defaults.tag()), cell(cells, notes, null));
    }

    private static String cell(List<String> cells, int index, String fallback) {
        String value = index >= 0 && index < cells.size() ? cells.get(index) : null;
        // an exported file imports back unchanged: its neutralised free text loses the apostrophe export added
        return value == null || value.isBlank() ? fallback : SpreadsheetText.restored(value);
    }
}
