package io.didplatform.audit.query.projection;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What one event does to one entity: how it turns the entity's fields into the next ones, plus changes that
 * the event states by itself (a client's per-number quota steps, which are not kept as fields because a large
 * client would drag thousands of numbers through every change).
 */
record Transition(EntityKind kind, String entityId, UnaryOperator<Map<String, Object>> fields,
                  Map<String, Change> statedChanges) {

    static Transition of(EntityKind kind, String entityId, UnaryOperator<Map<String, Object>> fields) {
        return new Transition(kind, entityId, fields, Map.of());
    }

    static Transition stating(EntityKind kind, String entityId, String field, Object from, Object to) {
        return new Transition(kind, entityId, UnaryOperator.identity(), Map.of(field, new Change(from, to)));
    }
}
