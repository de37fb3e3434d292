package io.didplatform.packages.command.pkg;

import io.didplatform.support.web.DomainException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** What a package's attributes must be, checked before any event. */
final class PackageRules {
    static final int MAX_NAME = 128;
    /** Every service stores a package's tags comma-joined in 2,000 characters: 30 tags of 64 fit. */
    static final int MAX_TAGS = 30;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private PackageRules() {
    }

    static String name(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw DomainException.invalid("INVALID_NAME", "A package name has 1 to " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    static int didLimit(int didLimit) {
        if (didLimit < 0) {
            throw DomainException.invalid("INVALID_DID_LIMIT", "didLimit must be 0 or more, not " + didLimit);
        }
        return didLimit;
    }

    /** Trimmed, each once, in the order given; empty means any tag. */
    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.trim();
            if (!TAG.matcher(trimmed).matches()) {
                throw DomainException.invalid("INVALID_TAG",
                        "A tag has 1 to 64 letters, digits, '.', '_' or '-': '" + tag + "' is not one");
            }
            distinct.add(trimmed);
        }
        if (distinct.size() > MAX_TAGS) {
            throw DomainException.invalid("TOO_MANY_TAGS",
                    "A package has at most " + MAX_TAGS + " tags, not " + distinct.size());
        }
        return List.copyOf(distinct);
    }
}
