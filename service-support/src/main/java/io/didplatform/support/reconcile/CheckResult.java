package io.didplatform.support.reconcile;

import org.springframework.core.NestedExceptionUtils;

import java.util.List;
import java.util.Map;

/**
 * What one check found: how much it compared ({@code figures}, such as events checked or rows compared, and what it
 * left for later, such as events not yet published) and every difference, at most {@code limit} of them listed
 * ({@code differenceCount} counts them all).
 */
public record CheckResult(String check, Map<String, Long> figures, long differenceCount, List<Difference> differences) {
    public CheckResult {
        figures = Map.copyOf(figures);
        differences = List.copyOf(differences);
    }

    /** A check that could not run: not clean, not a difference either. */
    public static CheckResult failed(String check, Exception cause) {
        return new CheckResult(check, Map.of(), -1, List.of(new Difference(check, "CHECK_FAILED", List.of(),
                cause.getClass().getSimpleName() + ": " + NestedExceptionUtils.getMostSpecificCause(cause).getMessage())));
    }
}
