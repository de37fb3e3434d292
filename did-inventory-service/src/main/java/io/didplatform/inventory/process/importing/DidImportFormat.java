package io.didplatform.inventory.process.importing;

import java.nio.file.Path;
import java.util.Locale;

/** The file types an import accepts, told by the file name's extension. */
public enum DidImportFormat {
    CSV, XLS, XLSX;

    public static DidImportFormat of(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".xls")) {
            return XLS;
        }
        throw new UnreadableFileException("Import a .csv, .xls or .xlsx file; '" + fileName + "' is none of them");
    }

    void read(Path file, TableSink sink) {
        switch (this) {
            case CSV -> CsvTable.read(file, sink);
            case XLS -> ExcelTables.readXls(file, sink);
            case XLSX -> ExcelTables.readXlsx(file, sink);
        }
    }
}
