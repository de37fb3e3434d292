package io.didplatform.support.reconcile;

import java.util.List;

/**
 * One thing that disagrees: its {@code kind} (say {@code MISSING_ON_TOPIC}), the ids involved (event ids, a DID's
 * number, a client's id) and what was expected against what was found.
 */
public record Difference(String check, String kind, List<String> ids, String detail) {
    public Difference {
        ids = List.copyOf(ids);
    }
}
