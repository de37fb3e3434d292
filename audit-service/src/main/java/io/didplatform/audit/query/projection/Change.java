package io.didplatform.audit.query.projection;

/** One field's change: its value before and after an event; null means absent. */
public record Change(Object from, Object to) {
}
