package io.didplatform.inventory.process.importing;

import java.util.List;

/** Receives a sheet as it is read: its first non-empty row as header, then each data row with its row number. */
interface TableSink {
    void header(List<String> cells);

    /** {@code rowNumber} counts from 1 at the top of the file, header included. */
    void row(long rowNumber, List<String> cells);
}
