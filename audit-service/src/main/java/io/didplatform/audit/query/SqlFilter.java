package io.didplatform.audit.query;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with its named parameters. */
final class SqlFilter {
    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    /** Adds a condition that uses the named parameters given as name/value pairs. */
    SqlFilter and(String condition, Object... namesAndValues) {
        conditions.add(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.addValue((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** {@code column = value}, only when a value is given. */
    SqlFilter equal(String column, String value) {
        return value == null || value.isBlank() ? this : and(column + " = :" + column, column, value);
    }

    String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    MapSqlParameterSource params() {
        return params;
    }
}
