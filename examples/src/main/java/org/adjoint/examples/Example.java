package org.adjoint.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * One runnable lesson: a sub-command of {@link Main}. It reads its knobs from {@link Options}, prints
 * what it finds as it goes, and returns its key figures and the files it wrote, which {@link Main}
 * prints as the closing summary (and the smoke tests assert on).
 */
public interface Example {

    /** The sub-command, e.g. {@code trajectories}. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** The options this example reads, with their defaults, for {@code --help NAME}. */
    List<Option> options();

    /** Runs the example, printing as it goes to {@code out}. */
    Outcome run(Options options, PrintStream out) throws IOException;

    /**
     * An option an example reads.
     *
     * @param name         the name without dashes, e.g. {@code lr}
     * @param defaultValue the value used when it is not given
     * @param description  what it changes
     */
    record Option(String name, String defaultValue, String description) {
    }
}
