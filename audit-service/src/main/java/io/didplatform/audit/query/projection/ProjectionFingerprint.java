package io.didplatform.audit.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row counts and one SHA-256 over every projection row, in key order, as PostgreSQL prints it (jsonb prints its
 * keys in a canonical order), so equal fingerprints mean equal projections.
 */
@Component
class ProjectionFingerprint {
    /** Each projection table and the key that orders its rows. */
    private static final Map<String, String> TABLES = Map.of(
            "entity_state", "kind, entity_id",
            "history_entry", "seq",
            "did_version", "number, seq");

    private final JdbcTemplate cursor;

    ProjectionFingerprint(DataSource dataSource) {
        this.cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(5000);
    }

    /** Must run inside a transaction, so the rows stream through a cursor. */
    Fingerprint take() {
        MessageDigest sha256 = sha256();
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(table -> {
            long[] rows = {0};
            sha256.update(table.getKey().getBytes(StandardCharsets.UTF_8));
            cursor.query("select t::text from " + table.getKey() + " t order by " + table.getValue(),
                    (RowCallbackHandler) rs -> {
                        sha256.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                        sha256.update((byte) '\n');
                        rows[0]++;
                    });
            counts.put(table.getKey(), rows[0]);
        });
        return new Fingerprint(counts, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** What a projection holds, in short: rows per table and a hash of all of them. */
    public record Fingerprint(Map<String, Long> rows, String sha256) {
    }
}
