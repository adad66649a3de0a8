package org.adjoint.examples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command-line options of one example run: {@code --name value} or {@code --name=value}. Typed
 * getters take the default to use when an option is absent and reject values that do not parse,
 * naming the option and the value.
 */
public final class Options {

    /** Options every example reads. */
    public static final List<Example.Option> COMMON = List.of(
            new Example.Option("seed", "42", "random seed (initial weights, sampling, data split)"),
            new Example.Option("out", "target/adjoint-examples", "folder for the PNG files"));

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** No options: every getter returns its default. */
    public static Options none() {
        return new Options(Map.of());
    }

    /** Parses {@code --name value} and {@code --name=value} pairs. */
    public static Options parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("expected an option --name value, got '" + arg + "'");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + arg.substring(2) + " needs a value");
                }
                name = arg.substring(2);
                value = args.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return new Options(values);
    }

    /** A copy with {@code name} set to {@code value} (for tests and the tour). */
    public Options with(String name, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, String.valueOf(value));
        return new Options(copy);
    }

    /** Fails, naming the unknown options and the valid ones, if any option is not read by {@code example}. */
    public void requireKnown(Example example) {
        Set<String> known = new TreeSet<>();
        COMMON.forEach(o -> known.add(o.name()));
        example.options().forEach(o -> known.add(o.name()));
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException(example.name() + ": unknown option --" + name + "; its options are --"
                        + String.join(", --", known));
            }
        }
    }

    /** A real number option. */
    public double real(String name, double defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " = '" + v + "' is not a finite number");
        }
    }

    /** A positive integer option. */
    public int positive(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " = '" + v + "' is not a positive integer");
        }
    }

    /** A text option. */
    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** The random seed ({@code --seed}, default 42). */
    public long seed() {
        String v = values.get("seed");
        try {
            return v == null ? 42 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --seed = '" + v + "' is not an integer");
        }
    }

    /** The output folder ({@code --out}, default {@code target/adjoint-examples}). */
    public Path out() {
        return Path.of(values.getOrDefault("out", "target/adjoint-examples"));
    }

    /** The data folder ({@code --data}), if given. */
    public Optional<Path> data() {
        return Optional.ofNullable(values.get("data")).map(Path::of);
    }

    /** A mistake on the command line; {@link Main} prints its message and the usage hint. */
    public static final class UsageException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** An exception with the message shown to the user. */
        public UsageException(String message) {
            super(message);
        }
    }
}
