package io.didplatform.inventory.process.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180 quoting, fields may span lines) in UTF-8 with or without BOM, one record at a time. The
 * delimiter, {@code ,} or {@code ;}, is whichever the header line holds more of outside quotes. Bytes that are
 * not UTF-8 make the file unreadable rather than silently garbled.
 */
final class CsvTable {
    private CsvTable() {
    }

    static void read(Path file, TableSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            new Parser(reader).parse(sink);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("The CSV file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UnreadableFileException("The CSV file cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Parser {
        private final Reader reader;
        private long line = 1;
        private char delimiter;
        private int pushedBack = -2;

        Parser(Reader reader) {
            this.reader = reader;
        }

        void parse(TableSink sink) throws IOException {
            int first = next();
            if (first != '\uFEFF') {
                pushBack(first);
            }
            boolean headerSeen = false;
            List<String> record;
            while (true) {
                long recordLine = line;
                String header = headerSeen ? null : peekLine();
                if (header != null) {
                    delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
                }
                record = nextRecord();
                if (record == null) {
                    return;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    sink.header(record);
                } else {
                    sink.row(recordLine, record);
                }
            }
        }

        /** The next record's fields, or null at the end of the file. */
        private List<String> nextRecord() throws IOException {
            int c = next();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStarted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new UnreadableFileException("Unclosed quote in the CSV record that starts near line " + line);
                    }
                    if (c == '"') {
                        int after = next();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && !fieldStarted) {
                    quoted = true;
                    fieldStarted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                } else if (c == '\n' || c == '\r' || c == -1) {
                    if (c == '\r') {
                        int after = next();
                        if (after != '\n') {
                            pushBack(after);
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                    fieldStarted = true;
                }
                c = next();
            }
        }

        /** The text up to the next line break, without consuming it; used once, to guess the delimiter. */
        private String peekLine() throws IOException {
            reader.mark(1 << 15);
            StringBuilder text = new StringBuilder();
            if (pushedBack >= 0) {
                text.append((char) pushedBack);
            }
            int c;
            while ((c = reader.read()) != -1 && c != '\n' && c != '\r' && text.length() < (1 << 14)) {
                text.append((char) c);
            }
            reader.reset();
            return text.toString();
        }

        private static int count(String header, char delimiter) {
            int count = 0;
            boolean quoted = false;
            for (char c : header.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == delimiter && !quoted) {
                    count++;
                }
            }
            return count;
        }

        private int next() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return reader.read();
        }

        private void pushBack(int c) {
            pushedBack = c;
        }
    }
}
