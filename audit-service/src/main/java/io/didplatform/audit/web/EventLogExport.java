package io.didplatform.audit.web;

import io.didplatform.audit.query.AuditEventFilter;
import io.didplatform.audit.query.AuditEventResponse;
import io.didplatform.audit.query.AuditLog;
import io.didplatform.support.web.SpreadsheetText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the event log, as filtered, to CSV or XLSX while it is read: rows go out as they come from the
 * database cursor (XLSX through POI's streaming workbook, which keeps only a window of rows in memory).
 * Every cell is text, and text that a spreadsheet would take for a formula is neutralised. The last four columns
 * are each event's link in the audit chain, so that an export can be verified offline.
 */
@Component
class EventLogExport {
    /** Excel's last row is 1,048,576; one is the header. */
    static final int ROWS_PER_SHEET = 1_048_575;
    /** Excel's longest cell text. */
    private static final int MAX_CELL = 32_767;
    private static final List<Column> COLUMNS = List.of(
            new Column("eventId", AuditEventResponse::eventId),
            new Column("type", AuditEventResponse::type),
            new Column("at", e -> e.at().toString()),
            new Column("actor", AuditEventResponse::actor),
            new Column("subject", AuditEventResponse::subject),
            new Column("source", AuditEventResponse::source),
            new Column("correlationId", AuditEventResponse::correlationId),
            new Column("causationId", AuditEventResponse::causationId),
            new Column("topic", AuditEventResponse::topic),
            new Column("data", AuditEventResponse::data),
            // the audit chain's link: bin/verify-audit-export recomputes it from the columns above
            new Column("stream", AuditEventResponse::stream),
            new Column("streamSeq", e -> e.streamSeq() == null ? null : e.streamSeq().toString()),
            new Column("prevHash", AuditEventResponse::prevHash),
            new Column("hash", AuditEventResponse::hash));

    private record Column(String name, Function<AuditEventResponse, String> value) {
    }

    private final AuditLog auditLog;

    EventLogExport(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void csv(AuditEventFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeCsvLine(writer, COLUMNS.stream().map(Column::name).toList());
        try {
            auditLog.stream(filter, event -> {
                try {
                    writeCsvLine(writer, COLUMNS.stream().map(c -> c.value().apply(event)).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    void xlsx(AuditEventFilter filter, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            int[] row = {0};
            Sheet[] sheet = {newSheet(workbook)};
            auditLog.stream(filter, event -> {
                if (row[0] == ROWS_PER_SHEET) {
                    sheet[0] = newSheet(workbook);
                    row[0] = 0;
                }
                writeRow(sheet[0].createRow(++row[0]), COLUMNS.stream().map(c -> c.value().apply(event)).toList());
            });
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static Sheet newSheet(SXSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet("events" + (workbook.getNumberOfSheets() == 0 ? "" : "-" + (workbook.getNumberOfSheets() + 1)));
        writeRow(sheet.createRow(0), COLUMNS.stream().map(Column::name).toList());
        return sheet;
    }

    private static void writeRow(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String text = SpreadsheetText.neutralised(values.get(i));
            row.createCell(i).setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
        }
    }

    private static void writeCsvLine(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(SpreadsheetText.neutralised(values.get(i))));
        }
        writer.write("\r\n");
    }

    private static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
