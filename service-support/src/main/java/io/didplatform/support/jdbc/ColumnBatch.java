package io.didplatform.support.jdbc;

import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows collected column by column and bound as one PostgreSQL array per column, for a statement that
 * {@code unnest}s them: any number of rows is written by one statement execution, with one parameter per column
 * instead of one per value (no per-row bind, plan or round trip). Each column is {@code text} (any value, as its
 * {@code toString()}), {@code int8} (a number), {@code bytea} (a {@code byte[]}) or {@code timestamptz} (an
 * {@link Instant}); the statement casts text to what its column needs ({@code varchar}, {@code jsonb}).
 */
public final class ColumnBatch {
    private final Column[] columns;
    private int size;

    /** One PostgreSQL array element type per column: {@code text}, {@code int8}, {@code bytea} or {@code timestamptz}. */
    public ColumnBatch(String... types) {
        columns = new Column[types.length];
        for (int i = 0; i < types.length; i++) {
            columns[i] = new Column(Type.of(types[i]), new ArrayList<>());
        }
    }

    private enum Type {
        TEXT, INT8, BYTEA, TIMESTAMPTZ;

        static Type of(String name) {
            for (Type type : values()) {
                if (type.sqlName().equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("columns are text, int8, bytea or timestamptz, not " + name);
        }

        String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        Object bindable(Object value) {
            return switch (this) {
                case TEXT -> value.toString();
                case INT8 -> ((Number) value).longValue();
                case BYTEA -> (byte[]) value;
                case TIMESTAMPTZ -> Timestamp.from((Instant) value);
            };
        }

        Object[] array(List<Object> values) {
            return switch (this) {
                case TEXT -> values.toArray(new String[0]);
                case INT8 -> values.toArray(new Long[0]);
                case BYTEA -> values.toArray(new byte[0][]);
                case TIMESTAMPTZ -> values.toArray(new Timestamp[0]);
            };
        }
    }

    private record Column(Type type, List<Object> values) {
    }

    /** Adds a row, one value (or null) per column. */
    public ColumnBatch add(Object... row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("a row of " + columns.length + " columns, not " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            Column column = columns[i];
            column.values().add(row[i] == null ? null : column.type().bindable(row[i]));
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
            for (int i = 0; i < columns.length; i++) {
                Column column = columns[i];
                statement.setArray(i + 1, connection.createArrayOf(column.type().sqlName(),
                        column.type().array(column.values())));
            }
            return statement;
        };
    }
}
