package io.didplatform.inventory.process.bulk;

import io.didplatform.contracts.DidNumber;
import io.didplatform.support.web.DomainException;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** A range {@code "a-b"} of numbers of the same length, both ends included, at most {@code max} numbers. */
public record DidRange(String first, String last) {

    public static DidRange parse(String text, long max) {
        String[] ends = text == null ? new String[0] : text.split("-", -1);
        if (ends.length != 2) {
            throw DomainException.invalid("INVALID_RANGE", "A range is written first-last, e.g. 15550000000-15550000999");
        }
        String first = DidNumber.normalise(ends[0].trim());
        String last = DidNumber.normalise(ends[1].trim());
        if (first.length() != last.length()) {
            throw DomainException.invalid("INVALID_RANGE", "Both ends of a range must have the same number of digits");
        }
        DidRange range = new DidRange(first, last);
        if (range.size() < 1) {
            throw DomainException.invalid("INVALID_RANGE", "The first number of a range must not be above the last");
        }
        if (range.size() > max) {
            throw DomainException.invalid("RANGE_TOO_LARGE", "A range may hold at most " + max + " numbers; "
                    + text.trim() + " holds " + range.size());
        }
        return range;
    }

    public long size() {
        return Long.parseLong(last) - Long.parseLong(first) + 1;
    }

    /** The range's numbers, zero-padded to its length, each made into a row; generated as they are read. */
    public Iterator<DidRow> rows(Function<String, DidRow> row) {
        long start = Long.parseLong(first);
        long end = Long.parseLong(last);
        String format = "%0" + first.length() + "d";
        return new Iterator<>() {
            private long next = start;

            @Override
            public boolean hasNext() {
                return next <= end;
            }

            @Override
            public DidRow next() {
                if (next > end) {
                    throw new NoSuchElementException();
                }
                return row.apply(String.format(format, next++));
            }
        };
    }
}
