package io.didplatform.inventory.web;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes export rows as they come, CSV or XLSX, never holding more than a window of rows in memory. */
interface DidExportWriter extends AutoCloseable {

    void write(List<String> cells);

    /** Writes what is left and the file's ending; the output stream stays open. */
    @Override
    void close();

    static DidExportWriter csv(OutputStream out) {
        return new Csv(out);
    }

    static DidExportWriter xlsx(OutputStream out) {
        return new Xlsx(out);
    }

    /** UTF-8 with a BOM (so spreadsheets read the accents right), comma-separated, RFC 4180 quoting. */
    final class Csv implements DidExportWriter {
        private final Writer writer;

        Csv(OutputStream out) {
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                writer.write('\uFEFF');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(List<String> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(quoted(cells.get(i)));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String quoted(String cell) {
            boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
        }

        @Override
        public void close() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** SXSSF: rows beyond a small window go to a compressed temporary file; every cell is text ("@"). */
    final class Xlsx implements DidExportWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final CellStyle text;
        private int rowIndex;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet("DIDs");
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        }

        @Override
        public void write(List<String> cells) {
            Row row = sheet.createRow(rowIndex++);
            for (int i = 0; i < cells.size(); i++) {
                var cell = row.createCell(i);
                cell.setCellStyle(text);
                cell.setCellValue(cells.get(i));
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // the temporary files are already disposed of
                }
            }
        }
    }
}
