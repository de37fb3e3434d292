package io.didplatform.bench;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** A figure over several runs: its median, and its lowest and highest. */
final class Spread {
    static <R> double median(List<R> runs, Function<R, Latencies> side, ToDoubleFunction<Latencies> figure) {
        double[] values = values(runs, side, figure);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** "median (lowest–highest)", each in {@code format}; the value alone for one run. */
    static <R> String of(List<R> runs, Function<R, Latencies> side, ToDoubleFunction<Latencies> figure, String format) {
        double[] values = values(runs, side, figure);
        if (values.length == 1) {
            return String.format(format, values[0]);
        }
        return String.format(format + " (" + format + "–" + format + ")", median(runs, side, figure), values[0],
                values[values.length - 1]);
    }

    private static <R> double[] values(List<R> runs, Function<R, Latencies> side, ToDoubleFunction<Latencies> figure) {
        return runs.stream().map(side).mapToDouble(figure).sorted().toArray();
    }

    private Spread() {
    }
}
