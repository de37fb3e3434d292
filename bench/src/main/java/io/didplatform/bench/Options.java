package io.didplatform.bench;

import java.util.HashMap;
import java.util.Map;

/** A harness's {@code name=value} arguments. */
final class Options {
    private final Map<String, String> values;
    private final String harness;

    private Options(Map<String, String> values, String harness) {
        this.values = values;
        this.harness = harness;
    }

    static Options parse(String[] args, String harness) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected name=value, got '" + arg + "'");
            }
            values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return new Options(values, harness);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(get(name, String.valueOf(otherwise)));
    }

    double decimal(String name, double otherwise) {
        return Double.parseDouble(get(name, String.valueOf(otherwise)));
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + name + "=...; see " + harness + "'s Javadoc");
        }
        return value;
    }
}
