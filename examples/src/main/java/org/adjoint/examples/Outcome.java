package org.adjoint.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an example produced: its key figures, by name and in the order they were found, and the files
 * it wrote.
 */
public final class Outcome {

    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();

    /** Records a figure (replacing one of the same name). */
    public Outcome figure(String name, double value) {
        figures.put(name, value);
        return this;
    }

    /** Records a file written. */
    public Outcome file(Path path) {
        files.add(path);
        return this;
    }

    /** The figure called {@code name}; an exception naming the known figures if there is none. */
    public double figure(String name) {
        Double v = figures.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no figure '" + name + "'; figures: " + figures.keySet());
        }
        return v;
    }

    /** The figures, in the order they were recorded. */
    public Map<String, Double> figures() {
        return Collections.unmodifiableMap(figures);
    }

    /** The files written, in order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** The closing summary: every figure on a line, then every file. */
    public String summary() {
        StringBuilder s = new StringBuilder("Summary\n");
        figures.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %-44s %s%n", k, format(v))));
        if (!files.isEmpty()) {
            s.append("Files written\n");
            files.forEach(f -> s.append("  ").append(f).append('\n'));
        }
        return s.toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
