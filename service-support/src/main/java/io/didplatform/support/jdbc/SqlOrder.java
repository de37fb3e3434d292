package io.didplatform.support.jdbc;

import io.didplatform.support.web.DomainException;
import org.springframework.data.domain.Sort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a page request's {@code sort} into an SQL {@code order by} over a fixed set of columns: a field the resource
 * does not offer is the caller's mistake (400 {@code INVALID_SORT}), and a tie-break keeps pages stable.
 *
 * @param sortable  API field name → SQL column
 * @param fallback  the order when the caller asks for none, e.g. {@code "number asc"}
 * @param tieBreak  a unique column appended (in the direction of the first term) unless the caller sorts by it, so
 *                  equal keys never reorder between pages
 */
public record SqlOrder(Map<String, String> sortable, String fallback, String tieBreak) {

    public String of(Sort sort) {
        if (sort.isUnsorted()) {
            return " order by " + fallback;
        }
        List<String> terms = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = sortable.get(order.getProperty());
            if (column == null) {
                throw DomainException.invalid("INVALID_SORT", "Cannot sort by '" + order.getProperty() + "'; use one of "
                        + String.join(", ", sortable.keySet().stream().sorted().toList()));
            }
            terms.add(column + (order.isAscending() ? " asc" : " desc"));
        }
        if (terms.stream().noneMatch(term -> term.startsWith(tieBreak + " "))) {
            terms.add(tieBreak + (sort.iterator().next().isAscending() ? " asc" : " desc"));
        }
        return " order by " + String.join(", ", terms);
    }
}
