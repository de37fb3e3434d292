package io.didplatform.packages.query;

import java.util.Arrays;
import java.util.List;

/** Tags are stored comma-joined (a tag never contains a comma). */
final class Tags {
    private Tags() {
    }

    static String join(List<String> tags) {
        return String.join(",", tags);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
