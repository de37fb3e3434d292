package io.didplatform.support.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a check's differences (the first {@code limit} of them listed, all counted) and its figures. */
public final class Differences {
    private final String check;
    private final int limit;
    private final List<Difference> listed = new ArrayList<>();
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private long count;

    public Differences(String check, int limit) {
        this.check = check;
        this.limit = limit;
    }

    public void add(String kind, List<String> ids, String detail) {
        count++;
        if (listed.size() < limit) {
            listed.add(new Difference(check, kind, ids, detail));
        }
    }

    public void figure(String name, long value) {
        figures.put(name, value);
    }

    public CheckResult result() {
        return new CheckResult(check, figures, count, listed);
    }
}
