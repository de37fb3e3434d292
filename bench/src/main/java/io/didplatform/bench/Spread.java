package io.didplatform.bench;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** A figure over several runs (each run's side of it, such as its latencies): its median, lowest and highest. */
final class Spread {
    static <R, S> double median(List<R> runs, Function<R, S> side, ToDoubleFunction<S> figure) {
        double[] values = values(runs, side, figure);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** "median (lowest–highest)", each in {@code format}; the value alone for one run. */
    static <R, S> String of(List<R> runs, Function<R, S> side, ToDoubleFunction<S> figure, String format) {
        double[] values = values(runs, side, figure);
        if (values.length == 1) {
            return String.format(format, values[0]);
        }
        return String.format(format + " (" + format + "–" + format + ")", median(runs, side, figure), values[0],
                values[values.length - 1]);
    }

    private static <R, S> double[] values(List<R> runs, Function<R, S> side, ToDoubleFunction<S> figure) {
        return runs.stream().map(side).mapToDouble(figure).sorted().toArray();
    }

    private Spread() {
    }
}
