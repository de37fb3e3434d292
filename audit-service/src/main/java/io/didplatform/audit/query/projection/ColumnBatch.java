package io.didplatform.audit.query.projection;

import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows collected column by column and bound as one PostgreSQL array per column, for a statement that
 * {@code unnest}s them: any number of rows is written by one statement execution, with one parameter per column
 * instead of one per value (no per-row bind, plan or round trip). Columns are {@code text} or {@code int8};
 * the statement casts text to what its column needs ({@code timestamptz}, {@code jsonb}).
 */
public final class ColumnBatch {
    private final String[] types;
    private final List<List<Object>> columns = new ArrayList<>();
    private int size;

    /** One PostgreSQL array element type per column: {@code text} or {@code int8}. */
    public ColumnBatch(String... types) {
        for (String type : types) {
            if (!type.equals("text") && !type.equals("int8")) {
                throw new IllegalArgumentException("columns are text or int8, not " + type);
            }
            columns.add(new ArrayList<>());
        }
        this.types = types;
    }

    /** Adds a row: for each text column any value (as its {@code toString()}) or null, for each int8 a number or null. */
    public ColumnBatch add(Object... row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("a row of " + types.length + " columns, not " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            columns.get(i).add(value == null ? null
                    : types[i].equals("text") ? value.toString() : Long.valueOf(((Number) value).longValue()));
        }
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The statement with each column bound, in order, as an array parameter. */
    public PreparedStatementCreator statement(String sql) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < types.length; i++) {
                List<Object> column = columns.get(i);
                Object[] values = types[i].equals("text") ? column.toArray(new String[0]) : column.toArray(new Long[0]);
                statement.setArray(i + 1, connection.createArrayOf(types[i], values));
            }
            return statement;
        };
    }
}
