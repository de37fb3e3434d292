import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verifies a CSV export of the audit log (GET /api/audit/export?format=csv) offline, with nothing but a JDK: each
 * row's hash recomputed by the rule in docs/design.md ("The audit hash chain"), and each row's previous hash against
 * the hash of its stream's previous entry when the export holds that entry. Run by bin/verify-audit-export.
 * Exit status 0: every row agrees; 1: a row disagrees (the first is named); 2: the file cannot be read.
 */
public class VerifyAuditExport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> HASHED = List.of("eventId", "type", "source", "subject", "actor", "at",
            "correlationId", "causationId", "topic", "data");

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: bin/verify-audit-export <export.csv>");
            System.exit(2);
        }
        List<List<String>> rows;
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            rows = csv(reader);
        }
        if (rows.isEmpty()) {
            System.err.println("empty file");
            System.exit(2);
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            column.put(rows.get(0).get(i), i);
        }
        for (String name : List.of("eventId", "at", "data", "stream", "streamSeq", "prevHash", "hash")) {
            if (!column.containsKey(name)) {
                System.err.println("not an audit export with hash columns: no column " + name);
                System.exit(2);
            }
        }
        Map<String, String> hashAt = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            hashAt.put(cell(row, column, "stream") + "\u0000" + cell(row, column, "streamSeq"), cell(row, column, "hash"));
        }
        long links = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String stream = cell(row, column, "stream");
            long streamSeq = Long.parseLong(cell(row, column, "streamSeq"));
            String prevHash = cell(row, column, "prevHash");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : List.of("did-audit-chain/1", stream, Long.toString(streamSeq), prevHash)) {
                field(digest, value);
            }
            for (String name : HASHED) {
                String value = cell(row, column, name);
                field(digest, name.equals("at") ? TIME.format(Instant.parse(value)) : value);
            }
            String expected = HexFormat.of().formatHex(digest.digest());
            String stored = cell(row, column, "hash");
            if (!expected.equals(stored)) {
                fail(r, row, column, "its fields do not give its hash: expected " + expected + ", stored " + stored);
            }
            String previous = streamSeq == 1 ? "" : hashAt.get(stream + "\u0000" + (streamSeq - 1));
            if (previous != null) {
                links++;
                if (!previous.equals(prevHash)) {
                    fail(r, row, column, "it does not follow entry " + (streamSeq - 1) + " of its stream: expected previous hash "
                            + previous + ", stored " + prevHash);
                }
            }
        }
        System.out.printf("verified: %d entries, %d links to the previous entry checked (the others lie outside the export)%n",
                rows.size() - 1, links);
    }

    private static void fail(int line, List<String> row, Map<String, Integer> column, String why) {
        System.out.printf("MISMATCH at row %d, event %s (stream %s, entry %s, %s): %s%n", line, cell(row, column, "eventId"),
                cell(row, column, "stream"), cell(row, column, "streamSeq"), cell(row, column, "at"), why);
        System.exit(1);
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        digest.update((byte) ',');
    }

    /** The cell's text as it was before the export put an apostrophe in front of formula-like text. */
    private static String cell(List<String> row, Map<String, Integer> column, String name) {
        String cell = row.get(column.get(name));
        return neutralised(cell) ? cell.substring(1) : cell;
    }

    /** The export's rule (SpreadsheetText): an apostrophe before formula-like text or before such a cell. */
    private static boolean neutralised(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\''
                && ("=+-@|%\t\r".indexOf(cell.charAt(1)) >= 0 || neutralised(cell.substring(1)));
    }

    /** RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break, rows by CRLF. */
    private static List<List<String>> csv(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
